using MeshOps.Analysis;
using MeshOps.Authoring;
using MeshOps.Consul;
using MeshOps.Sources.Files;
using MeshOps.Tests.Authoring;

namespace MeshOps.Tests.Analysis.Namespaces;

/// <summary>
/// The YAML a typed mesh writes for Consul Enterprise (namespaces mirrored from Kubernetes), read back by
/// Test-MeshConfig: its intentions name both sides' Consul namespaces, and a call they allow is no finding.
/// </summary>
public class EnterpriseTypedMeshTests
{
    private static readonly MeshServiceSpec Web = WebAndApi.Web;

    private static readonly MeshServiceSpec Api = WebAndApi.Api with { Namespace = "backend" };

    internal static string Yaml(ConsulEdition edition, bool allowWebToApi = true) =>
        MeshObjectFactory.Create([Web, Api], denyAll: true, allowWebToApi ? [new("web", "api", IntentionAction.Allow)] : [], "shop", edition).ToYaml();

    internal static AnalysisReport Analyze(string yaml)
    {
        var manifests = ManifestLoader.LoadText(yaml, "mesh.yaml");
        Assert.Empty(manifests.Errors);
        return MeshAnalyzer.Analyze(manifests);
    }

    [Fact]
    public void An_Enterprise_typed_mesh_in_two_namespaces_writes_yaml_with_no_finding()
    {
        var report = Analyze(Yaml(ConsulEdition.Enterprise));

        Assert.Empty(report.LoadErrors);
        Assert.Equal(string.Empty, string.Join("; ", report.Findings.Select(f => f.RuleId + " " + f.Message)));
    }

    [Fact]
    public void An_Enterprise_typed_mesh_without_the_allow_is_still_MESH201_since_deny_all_spans_every_namespace()
    {
        var report = Analyze(Yaml(ConsulEdition.Enterprise, allowWebToApi: false));

        Assert.Contains("MESH201", report.Findings.Select(f => f.RuleId));
    }
}
