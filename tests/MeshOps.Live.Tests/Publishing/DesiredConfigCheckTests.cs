using MeshOps.Authoring;
using MeshOps.Publishing;
using MeshOps.Sources;
using MeshOps.Sources.Files;
using MeshOps.Sources.Typed;
using MeshOps.Tests;

namespace MeshOps.Live.Tests.Publishing;

/// <summary>The rule check Publish-MeshConfig runs before any request, with HashiCups' files as the context.</summary>
public sealed class DesiredConfigCheckTests
{
    private static readonly ManifestSet Healthy = ManifestLoader.LoadPaths([RepoPaths.Combine("examples", "hashicups", "healthy")]);

    private static ManifestSet Desired(string yaml) =>
        TypedObjectSource.Read(
            ManifestLoader.LoadText(yaml, "desired.yaml").Resources.Select(r => DesiredObject.From(r.Model!, "default", r.Location).Model),
            "Publish-MeshConfig");

    [Fact]
    public void Http_on_postgres_blocks_with_MESH301_on_the_desired_object()
    {
        var check = DesiredConfigCheck.Check(Desired(PublishingYaml.PostgresHttp), Healthy);

        Assert.False(check.Passed);
        var finding = Assert.Single(check.Blocking, f => f.RuleId == "MESH301");
        Assert.Equal(new ResourceRef("ServiceDefaults", "default", "postgres"), finding.Resource);
    }

    [Fact]
    public void The_desired_object_replaces_the_one_of_the_same_name_so_the_healthy_copy_does_not_hide_the_change()
    {
        var check = DesiredConfigCheck.Check(Desired(PublishingYaml.PostgresHttp), Healthy);

        // healthy/postgres.yaml says tcp; with both in the model the check would see two ServiceDefaults for postgres.
        Assert.DoesNotContain(check.Report.Findings, f => f.RuleId == "MESH207");
    }

    [Fact]
    public void A_valid_object_passes_and_findings_on_the_rest_of_the_context_do_not_block()
    {
        var faulty = ManifestLoader.LoadPaths([RepoPaths.Combine("examples", "hashicups", "healthy"), RepoPaths.Combine("examples", "hashicups", "faults", "MESH101-payments-targetport")]);

        var check = DesiredConfigCheck.Check(Desired(PublishingYaml.FrontendIntention), faulty);

        Assert.Contains(check.Report.Findings, f => f.RuleId == "MESH101");
        Assert.True(check.Passed);
    }
}

internal static class PublishingYaml
{
    public const string PostgresHttp = """
        apiVersion: consul.hashicorp.com/v1alpha1
        kind: ServiceDefaults
        metadata:
          name: postgres
        spec:
          protocol: http
        """;

    public const string FrontendIntention = """
        apiVersion: consul.hashicorp.com/v1alpha1
        kind: ServiceIntentions
        metadata:
          name: frontend
        spec:
          destination:
            name: frontend
          sources:
            - name: nginx
              action: allow
              description: from the test
        """;

    public const string PaymentsAllow = """
        apiVersion: consul.hashicorp.com/v1alpha1
        kind: ServiceIntentions
        metadata:
          name: payments
        spec:
          destination:
            name: payments
          sources:
            - name: public-api
              action: allow
        """;
}
