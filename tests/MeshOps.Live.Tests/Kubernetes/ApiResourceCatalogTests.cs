using MeshOps.Simulation.Kubernetes.Api;
using MeshOps.Simulation.Kubernetes.Apply;

namespace MeshOps.Live.Tests.Kubernetes;

public sealed class ApiResourceCatalogTests
{
    [Fact]
    public void The_consul_kinds_served_match_the_consul_k8s_crds()
    {
        var folder = FindConsulCrds();
        var expected = Directory.GetFiles(folder, "*.yaml").Select(file =>
        {
            var crd = YamlJson.ParseObject(File.ReadAllText(file));
            var names = crd["spec"]!["names"]!;
            var versions = crd["spec"]!["versions"]!.AsArray().Select(v => (string)v!["name"]!);
            return $"{crd["spec"]!["group"]}/{string.Join("+", versions)} {names["kind"]} {names["plural"]} {crd["spec"]!["scope"]}";
        }).Order(StringComparer.Ordinal);

        var served = ApiResourceCatalog.All.Where(r => r.Group == "consul.hashicorp.com")
            .Select(r => $"{r.Group}/{r.Version} {r.Kind} {r.Plural} {(r.Namespaced ? "Namespaced" : "Cluster")}")
            .Order(StringComparer.Ordinal);

        Assert.Equal(expected, served);
    }

    /// <summary>The shared reference data next to the repository: ../shared/reference/consul-crds.</summary>
    private static string FindConsulCrds()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "reference", "consul-crds");
            if (Directory.Exists(candidate))
                return candidate;
        }

        throw new InvalidOperationException("Reference data is missing: no shared/reference/consul-crds above " + AppContext.BaseDirectory);
    }
}
