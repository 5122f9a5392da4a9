using MeshOps.Analysis;
using MeshOps.Rules.Catalog;

namespace MeshOps.Tests.Analysis.RuleBehaviour;

/// <summary>MESH401, MESH402 and MESH403: the identity a mesh pod logs in with, and when each rule has nothing to say.</summary>
public class IdentityRuleTests
{
    private static string Account(string name, bool? automount = null) =>
        $"apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: {name}" + (automount is { } a ? $"\nautomountServiceAccountToken: {(a ? "true" : "false")}" : "");

    /// <summary>A Deployment "api"; <paramref name="podSpec"/> lines go under the template's spec, before containers.</summary>
    private static string Api(string podSpec = "", bool inMesh = true, string annotations = "") => $"""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: api
        spec:
          selector:
            matchLabels:
              app: api
          template:
            metadata:
              labels:
                app: api
              annotations:
                consul.hashicorp.com/connect-inject: "{(inMesh ? "true" : "false")}"
        {annotations}
            spec:
        {podSpec}
              containers:
                - name: api
                  image: example/api:1
                  ports:
                    - containerPort: 8080
        """;

    [Fact]
    public void A_mesh_pod_running_as_the_default_serviceaccount_needs_no_declaration()
    {
        Assert.Empty(new TestMesh().Raw(Api("      serviceAccountName: default")).Analyze().Findings);
        Assert.Empty(new TestMesh().Raw(Api()).Analyze().Findings);
    }

    [Fact]
    public void A_pod_outside_the_mesh_with_an_undeclared_serviceaccount_is_not_mesh401()
    {
        Assert.Empty(new TestMesh().Raw(Api("      serviceAccountName: ghost", inMesh: false)).Analyze().Findings);
    }

    private static readonly AnalysisOptions AclsOn = AnalysisOptions.Default with { AclsEnabled = true };

    [Fact]
    public void Automount_false_on_the_pod_is_reported_on_the_pod_spec()
    {
        var mesh = new TestMesh().Raw(Account("api")).Raw(Api("      serviceAccountName: api\n      automountServiceAccountToken: false"));

        var finding = Assert.Single(mesh.Analyze(AclsOn).Findings);

        Assert.Equal(("MESH402", Severity.Error, "Deployment", mesh.LineOf("automountServiceAccountToken: false")),
            (finding.RuleId, finding.Severity, finding.Resource.Kind, finding.Line));
    }

    [Fact]
    public void Automount_false_on_the_serviceaccount_is_reported_there_with_the_pod_as_evidence()
    {
        var mesh = new TestMesh().Raw(Account("api", automount: false)).Raw(Api("      serviceAccountName: api"));

        var finding = Assert.Single(mesh.Analyze(AclsOn).Findings);

        Assert.Equal(("MESH402", Severity.Error, "ServiceAccount", mesh.LineOf("automountServiceAccountToken: false")),
            (finding.RuleId, finding.Severity, finding.Resource.Kind, finding.Line));
        Assert.Equal(mesh.LineOf("serviceAccountName: api"), Assert.Single(finding.Evidence).Location.Line);
    }

    [Fact]
    public void Automount_false_is_harmless_with_ACLs_off_and_a_warning_that_says_so_when_nothing_read_says()
    {
        // Only Consul's ACL login reads the token: the webhook looks for its mount only with an auth method.
        var mesh = new TestMesh().Raw(Account("api", automount: false)).Raw(Api("      serviceAccountName: api"));

        Assert.Empty(mesh.Analyze(AnalysisOptions.Default with { AclsEnabled = false }).Findings);
        var unknown = Assert.Single(mesh.Analyze().Findings);
        Assert.Equal(("MESH402", Severity.Warning), (unknown.RuleId, unknown.Severity));
        Assert.Contains("ACLs on: not known, no consul-k8s Helm values or injector among what was read", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Automount_true_on_the_pod_overrides_false_on_its_serviceaccount()
    {
        var mesh = new TestMesh().Raw(Account("api", automount: false)).Raw(Api("      serviceAccountName: api\n      automountServiceAccountToken: true"));

        Assert.Empty(mesh.Analyze().Findings);
    }

    [Fact]
    public void A_serviceaccount_name_differing_from_the_connect_service_annotation_is_reported()
    {
        var mesh = new TestMesh().Raw(Account("other"))
            .Raw(Api("      serviceAccountName: other", annotations: "        consul.hashicorp.com/connect-service: api"));

        var finding = Assert.Single(mesh.Analyze().Findings);

        Assert.Equal(("MESH403", Severity.Warning, mesh.LineOf("serviceAccountName: other")), (finding.RuleId, finding.Severity, finding.Line));
        // connect-init names the annotation when the Consul name comes from one (subcommand/connect-init/command.go).
        Assert.Contains("('service account name other doesn't match annotation service name api')", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mesh_pod_that_no_service_and_no_connect_service_annotation_names_has_no_name_to_mismatch()
    {
        Assert.Empty(new TestMesh().Raw(Account("other")).Raw(Api("      serviceAccountName: other")).Analyze().Findings);
    }
}
