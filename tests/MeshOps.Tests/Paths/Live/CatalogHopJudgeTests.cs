using MeshOps.Clients.Consul;
using MeshOps.Paths;
using MeshOps.Paths.Live;
using MeshOps.Rules.Intentions;

namespace MeshOps.Tests.Paths.Live;

/// <summary>The Catalog hop judged from Consul's answers: what Envoy can route to, and whether Consul agrees with us.</summary>
public class CatalogHopJudgeTests
{
    private static readonly IntentionDecision Allow = new(true, DecisionReason.MatchedL4Allow, null, 9);
    private static readonly IntentionDecision Deny = new(false, DecisionReason.DefaultDeny, null, 0);
    private static readonly IntentionDecision L7 = new(false, DecisionReason.MatchedL7, null, 9);

    private static ConsulServiceHealth Instance(string id, params string[] statuses) => new()
    {
        Node = new ConsulNode { Node = "node-1" },
        Service = new ConsulAgentService { Id = id, Service = "products-api-sidecar-proxy", Kind = "connect-proxy", Address = "10.0.0.7", Port = 20000 },
        Checks = [.. statuses.Select((s, i) => new ConsulHealthCheck { Name = $"check-{i}", Status = s, Output = s == "critical" ? "dial tcp 10.0.0.7:20000: connect: connection refused" : "" })],
    };

    private static CatalogData Data(IReadOnlyList<ConsulServiceHealth>? instances, bool? consulAllows = true, IntentionDecision? ours = null, string? problem = null) =>
        new("public-api", "products-api", instances, consulAllows, ours ?? Allow, problem, "consul/consul-server-0");

    [Fact]
    public void A_passing_instance_and_an_agreeing_check_pass_with_both_answers_as_evidence()
    {
        var hop = CatalogHopJudge.Judge(Data([Instance("p-1", "passing", "passing")]));

        Assert.Equal(PathHopStatus.Pass, hop.Status);
        Assert.Contains(hop.Evidence, e => e.Contains("p-1", StringComparison.Ordinal) && e.Contains("passing", StringComparison.Ordinal));
        Assert.Contains(hop.Evidence, e => e.Contains("Allowed=true", StringComparison.Ordinal));
    }

    [Fact]
    public void No_instance_in_the_catalog_fails_and_names_the_endpoint()
    {
        var hop = CatalogHopJudge.Judge(Data([]));

        Assert.Equal(PathHopStatus.Fail, hop.Status);
        Assert.Contains("not in Consul's catalog", hop.Summary, StringComparison.Ordinal);
        Assert.Contains(hop.Evidence, e => e.Contains("/v1/health/connect/products-api", StringComparison.Ordinal) && e.Contains("consul/consul-server-0", StringComparison.Ordinal));
        Assert.Contains("health/connect/products-api", hop.Confirm, StringComparison.Ordinal);
    }

    [Fact]
    public void Instances_none_passing_fail_with_the_failing_check_output()
    {
        var hop = CatalogHopJudge.Judge(Data([Instance("p-1", "passing", "critical"), Instance("p-2", "warning", "critical")]));

        Assert.Equal(PathHopStatus.Fail, hop.Status);
        Assert.Contains("none of the 2 instance(s)", hop.Summary, StringComparison.Ordinal);
        Assert.Contains(hop.Evidence, e => e.Contains("connection refused", StringComparison.Ordinal));
    }

    [Fact]
    public void Instances_in_warning_are_still_routed_by_Envoy_so_they_warn_not_fail()
    {
        var hop = CatalogHopJudge.Judge(Data([Instance("p-1", "passing", "warning"), Instance("p-2", "critical")]));

        Assert.Equal(PathHopStatus.Warn, hop.Status);
        Assert.Equal("1 of the 2 instance(s) of products-api in Consul's catalog are in warning, none passing", hop.Summary);
        Assert.Contains("OnlyPassing", hop.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_catalog_for_a_token_Consul_refused_is_Unknown_not_a_missing_service()
    {
        var hop = CatalogHopJudge.Judge(Data([], consulAllows: null, problem: "Consul at http://127.0.0.1:8500 answered 403 Permission denied: the token lacks the permission service:read.") with { TokenRefused = true });

        Assert.Equal(PathHopStatus.Unknown, hop.Status);
        Assert.Equal("Consul shows this token no instance of products-api (ACLs may hide them)", hop.Summary);
        Assert.Contains("service:read on products-api", hop.Fix, StringComparison.Ordinal);
        Assert.Contains(hop.Evidence, e => e.Contains("403 Permission denied", StringComparison.Ordinal));
    }

    [Fact]
    public void One_passing_instance_among_failing_ones_is_enough_for_Envoy_to_route()
    {
        var hop = CatalogHopJudge.Judge(Data([Instance("p-1", "critical"), Instance("p-2", "passing")]));

        Assert.Equal(PathHopStatus.Pass, hop.Status);
        Assert.Contains(hop.Evidence, e => e.Contains("p-1", StringComparison.Ordinal) && e.Contains("critical", StringComparison.Ordinal));
    }

    [Fact]
    public void Consul_that_could_not_be_read_is_Unknown_never_Pass()
    {
        var hop = CatalogHopJudge.Judge(Data(null, null, problem: "Consul at http://127.0.0.1:8500 refused the connection."));

        Assert.Equal(PathHopStatus.Unknown, hop.Status);
        Assert.Contains(hop.Evidence, e => e.Contains("refused the connection", StringComparison.Ordinal));
    }

    [Fact]
    public void Consul_denying_what_the_cluster_intentions_allow_fails()
    {
        var hop = CatalogHopJudge.Judge(Data([Instance("p-1", "passing")], consulAllows: false, ours: Allow));

        Assert.Equal(PathHopStatus.Fail, hop.Status);
        Assert.Contains("Consul denies", hop.Summary, StringComparison.Ordinal);
        Assert.Contains(hop.Evidence, e => e.Contains("Allowed=false", StringComparison.Ordinal));
        Assert.Contains(hop.Evidence, e => e.Contains("our evaluation", StringComparison.Ordinal) && e.Contains("allow", StringComparison.Ordinal));
        Assert.Equal("consul intention check public-api products-api", hop.Confirm);
    }

    [Fact]
    public void Consul_allowing_what_the_cluster_intentions_deny_warns()
    {
        var hop = CatalogHopJudge.Judge(Data([Instance("p-1", "passing")], consulAllows: true, ours: Deny));

        Assert.Equal(PathHopStatus.Warn, hop.Status);
        Assert.Contains("Consul allows", hop.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void An_L7_intention_is_no_disagreement_although_Consul_check_answers_false()
    {
        var hop = CatalogHopJudge.Judge(Data([Instance("p-1", "passing")], consulAllows: false, ours: L7));

        Assert.Equal(PathHopStatus.Pass, hop.Status);
    }

    [Fact]
    public void A_missing_catalog_entry_outranks_a_disagreement()
    {
        var hop = CatalogHopJudge.Judge(Data([], consulAllows: false, ours: Allow));

        Assert.Equal(PathHopStatus.Fail, hop.Status);
        Assert.Contains("not in Consul's catalog", hop.Summary, StringComparison.Ordinal);
        Assert.Contains(hop.Evidence, e => e.Contains("Allowed=false", StringComparison.Ordinal));
    }
}
