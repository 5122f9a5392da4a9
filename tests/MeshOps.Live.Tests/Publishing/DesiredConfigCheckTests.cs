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
    public void What_pods_report_does_not_block_an_object_it_concerns()
    {
        // postgres has no ready endpoint (MESH903, an Error on its Service); re-applying that Service, or fixing it,
        // must not be refused for the state of its pods.
        var notReady = RepoPaths.Combine("examples", "hashicups", "faults", "MESH903-postgres-not-ready");
        var context = ManifestLoader.LoadPaths([RepoPaths.Combine("examples", "hashicups", "healthy"), notReady]);
        var postgres = ManifestLoader.LoadPaths([RepoPaths.Combine("examples", "hashicups", "healthy", "postgres.yaml")])
            .Resources.Single(r => r.Kind == "Service");
        var desired = TypedObjectSource.Read([DesiredObject.From(postgres.Model!, "default", postgres.Location).Model], "Publish-MeshConfig");

        var check = DesiredConfigCheck.Check(desired, context);

        Assert.Contains(check.Report.Findings, f => f.RuleId == "MESH903");
        Assert.True(check.Passed, string.Join("; ", check.Blocking.Select(f => f.RuleId)));
    }

    [Fact]
    public void A_desired_Service_whose_targetPort_names_no_container_port_blocks_with_MESH101()
    {
        // A name no container declares leaves the pods out of the endpoints: an Error. (A number in the mesh is judged
        // by where the app listens, so it is not always one.)
        var check = DesiredConfigCheck.Check(Desired(PublishingYaml.PaymentsServiceTargeting("payments-http")), Healthy);

        Assert.False(check.Passed);
        var finding = Assert.Single(check.Blocking, f => f.RuleId == "MESH101");
        Assert.Equal(new ResourceRef("Service", "default", "payments"), finding.Resource);
    }

    [Fact]
    public void A_desired_Service_that_maps_to_the_container_port_passes()
    {
        var check = DesiredConfigCheck.Check(Desired(PublishingYaml.PaymentsServiceTargeting("8080")), Healthy);

        Assert.True(check.Passed);
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

    public static string PaymentsServiceTargeting(string targetPort) => $"""
        apiVersion: v1
        kind: Service
        metadata:
          name: payments
        spec:
          selector:
            app: payments
          ports:
            - name: http
              port: 1800
              targetPort: {targetPort}
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
