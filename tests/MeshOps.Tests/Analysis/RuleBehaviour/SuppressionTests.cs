using MeshOps.Rules.Catalog;

namespace MeshOps.Tests.Analysis.RuleBehaviour;

/// <summary><c>meshops.io/ignore</c> on a workload: its own metadata or its pod template (where mesh annotations live).</summary>
public class SuppressionTests
{
    /// <summary>
    /// A mesh Deployment running as ServiceAccount "ghost", which is not declared (MESH401) where the namespace's other
    /// ServiceAccounts are, so the finding rests on no assumption.
    /// </summary>
    private static TestMesh GhostAccount(string? deploymentIgnore = null, string? podIgnore = null) =>
        new TestMesh().Raw("apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: worker").Raw($"""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: api
            {(deploymentIgnore is null ? "" : $"  annotations:\n    meshops.io/ignore: \"{deploymentIgnore}\"")}
            spec:
              selector:
                matchLabels:
                  app: api
              template:
                metadata:
                  labels:
                    app: api
                  annotations:
                    consul.hashicorp.com/connect-inject: "true"
            {(podIgnore is null ? "" : $"        meshops.io/ignore: \"{podIgnore}\"")}
                spec:
                  serviceAccountName: ghost
                  containers:
                    - name: api
                      image: example/api:1
                      ports:
                        - containerPort: 8080
            """);

    [Fact]
    public void Without_an_ignore_annotation_the_missing_serviceaccount_is_reported_on_its_line()
    {
        var mesh = GhostAccount();

        var finding = Assert.Single(mesh.Analyze().Findings);

        Assert.Equal(("MESH401", Severity.Error, mesh.LineOf("serviceAccountName: ghost")), (finding.RuleId, finding.Severity, finding.Line));
    }

    [Fact]
    public void An_ignore_annotation_on_the_pod_template_suppresses_the_workloads_finding()
    {
        Assert.Empty(GhostAccount(podIgnore: "MESH401").Analyze().Findings);
    }

    [Fact]
    public void An_ignore_annotation_on_the_workloads_own_metadata_suppresses_its_finding()
    {
        Assert.Empty(GhostAccount(deploymentIgnore: "MESH401").Analyze().Findings);
    }

    [Fact]
    public void A_pod_template_ignore_list_is_split_on_commas_and_spaces_and_ignores_case()
    {
        Assert.Empty(GhostAccount(podIgnore: "MESH105, mesh401").Analyze().Findings);
    }

    [Fact]
    public void A_pod_template_ignore_of_another_rule_keeps_the_finding()
    {
        var finding = Assert.Single(GhostAccount(podIgnore: "MESH402").Analyze().Findings);

        Assert.Equal("MESH401", finding.RuleId);
    }
}
