using MeshOps.Intentions;

namespace MeshOps.Tests.Intentions;

/// <summary>
/// Without Helm values, a verdict must hold in every Consul namespace the intentions name. Only the intentions for the
/// call's destination (or for "*") can decide it, so namespaces named by an intention for another service change no
/// answer, while one named by a "*" intention still makes the answer turn on the namespaces.
/// </summary>
public sealed class UnrelatedNamespaceIntentionTests
{
    private static readonly string Mesh = EnterpriseNamespaceMesh.Yaml(webCallsApi: true);

    // An intention for a service nothing here calls, allowing callers from forty team namespaces. Their names sort before
    // "backend" and "shop", so a check that still tried them would name one of them first when the answer differs.
    private static readonly string ReportsFromEveryTeam = """
        ---
        apiVersion: consul.hashicorp.com/v1alpha1
        kind: ServiceIntentions
        metadata:
          name: reports
          namespace: analytics
        spec:
          destination:
            name: reports
          sources:

        """ + string.Concat(Enumerable.Range(0, 40).Select(i => $"    - name: api\n      namespace: a-team-{i:D2}\n      action: allow\n"));

    // The same callers allowed to every service.
    private static readonly string EverythingFromTeamX = """
        ---
        apiVersion: consul.hashicorp.com/v1alpha1
        kind: ServiceIntentions
        metadata:
          name: team-x-to-all
          namespace: shop
        spec:
          destination:
            name: "*"
          sources:
            - name: api
              namespace: team-x
              action: allow

        """;

    private static IntentionCheckResult Check(string yaml, string source, string destination) =>
        IntentionChecker.Check(EnterpriseNamespaceMesh.Analyze(yaml).Model, source, destination);

    [Fact]
    public void Namespaces_named_for_another_destination_leave_a_pair_denied_everywhere_Denied()
    {
        var result = Check(Mesh + ReportsFromEveryTeam, "api.backend", "web.shop");

        Assert.Equal(IntentionCheckDecision.Denied, result.Decision);
        Assert.Equal("deny-all", result.IntentionName);
        Assert.Contains(result.Notes, n => n.Contains("the same in every namespace", StringComparison.Ordinal));
    }

    [Fact]
    public void Namespaces_named_for_another_destination_leave_a_namespace_dependent_pair_Unknown_for_its_own_namespaces()
    {
        var explanation = UnknownBecause(Mesh + ReportsFromEveryTeam, "web.shop", "api.backend");

        Assert.Contains("web (Consul ns shop) -> api (ns backend) is Allowed", explanation, StringComparison.Ordinal);
        Assert.DoesNotContain("a-team-", explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_namespace_named_by_an_intention_for_every_destination_still_decides()
    {
        var explanation = UnknownBecause(Mesh + EverythingFromTeamX, "api.backend", "web.shop");

        Assert.Matches(@"\(Consul ns team-x\)[^,]* is Allowed", explanation);
    }

    private static string UnknownBecause(string yaml, string source, string destination)
    {
        var result = Check(yaml, source, destination);
        Assert.Equal(IntentionCheckDecision.Unknown, result.Decision);
        return result.Explanation;
    }
}
