using MeshOps.Analysis;
using MeshOps.Authoring;
using MeshOps.Consul;
using MeshOps.Sources.Files;

namespace MeshOps.Tests.Intentions;

/// <summary>
/// The YAML a typed mesh writes for Consul Enterprise: web in Kubernetes namespace shop, api in backend, a deny-all
/// over every namespace and one intention allowing shop/web to backend/api; optionally the Helm values that turn
/// Consul namespaces on (mirrored from Kubernetes, the chart's default).
/// </summary>
internal static class EnterpriseNamespaceMesh
{
    public const string MirroredValues = """
        global:
          name: consul
          enableConsulNamespaces: true
        connectInject:
          enabled: true
        """;

    /// <param name="webCallsApi">Whether web's configuration writes the call to api (a traced pair with no written call is judged by the hop itself).</param>
    public static string Yaml(bool webCallsApi, ConsulEdition edition = ConsulEdition.Enterprise)
    {
        var web = new MeshServiceSpec
        {
            Name = "web",
            Protocol = MeshProtocol.Http,
            Image = "example/web:1",
            ContainerPorts = [new ContainerPortSpec(8080)],
            ServicePorts = [new ServicePortSpec(80, 8080)],
            Upstreams = webCallsApi ? [new UpstreamSpec("api", 9090)] : [],
        };
        var api = new MeshServiceSpec
        {
            Name = "api",
            Namespace = "backend",
            Protocol = MeshProtocol.Http,
            Image = "example/api:1",
            ContainerPorts = [new ContainerPortSpec(9090)],
            ServicePorts = [new ServicePortSpec(9090, 9090)],
        };
        return MeshObjectFactory.Create([web, api], denyAll: true, [new("web", "api", IntentionAction.Allow)], "shop", edition).ToYaml();
    }

    public static AnalyzedMesh Analyze(string yaml, string? values = null)
    {
        var manifests = ManifestLoader.LoadText(values is null ? yaml : yaml + "---\n" + values, "mesh.yaml");
        Assert.Empty(manifests.Errors);
        return MeshAnalyzer.AnalyzeWithModel(manifests);
    }
}
