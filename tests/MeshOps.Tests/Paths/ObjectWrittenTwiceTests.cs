using MeshOps.Analysis;
using MeshOps.Paths;
using MeshOps.Sources.Files;
using MeshOps.Tests.Analysis;

namespace MeshOps.Tests.Paths;

/// <summary>
/// A path is traced over the objects the findings speak of: an object written twice is the last copy, as kubectl
/// leaves it in the cluster, so Test-MeshPath never contradicts Test-MeshConfig over which copy counts.
/// </summary>
public sealed class ObjectWrittenTwiceTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("meshops-twice-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData(9090, true)] // the later copy points at the port products-api listens on
    [InlineData(9999, false)] // the later copy points nowhere
    public void The_later_copy_of_a_Service_decides_the_service_port_hop(int laterTargetPort, bool correct)
    {
        var later = Path.Combine(_folder, "zz-products-api-service.yaml");
        File.WriteAllText(later, $"""
            apiVersion: v1
            kind: Service
            metadata:
              name: products-api
            spec:
              selector:
                app: products-api
              ports:
                - name: http
                  port: 9090
                  targetPort: {laterTargetPort}
            """);
        var earlier = Path.Combine(_folder, "aa-products-api-service.yaml");
        File.WriteAllText(earlier, File.ReadAllText(later).Replace($"targetPort: {laterTargetPort}", $"targetPort: {(correct ? 9999 : 9090)}", StringComparison.Ordinal));
        var manifests = ManifestLoader.LoadPaths([.. HashiCupsExample.Files().Where(f => !f.EndsWith("products-api.yaml", StringComparison.Ordinal)), ProductsApiWorkload(), earlier, later]);

        var (analysis, model) = MeshAnalyzer.AnalyzeWithModel(manifests);
        var report = PathTracer.Trace(model, analysis, "public-api", "products-api");

        // In the mesh a wrong targetPort only warns (the sidecar forwards to the container port), and Test-MeshConfig says so too.
        var servicePort = report[PathHopName.ServicePort];
        Assert.Equal(correct ? PathHopStatus.Pass : PathHopStatus.Warn, servicePort.Status);
        Assert.Contains(servicePort.Evidence, e => e.Contains("zz-products-api-service.yaml", StringComparison.Ordinal));
        Assert.DoesNotContain(servicePort.Evidence, e => e.Contains("aa-products-api-service.yaml", StringComparison.Ordinal));
        Assert.Equal(correct, !analysis.Findings.Any(f => f.RuleId == "MESH101"));
    }

    /// <summary>products-api's Deployment and ServiceAccount, without its Service (written above, twice).</summary>
    private string ProductsApiWorkload()
    {
        var path = Path.Combine(_folder, "products-api-workload.yaml");
        var documents = File.ReadAllText(Path.Combine(HashiCupsExample.HealthyFolder, "products-api.yaml")).Split("\n---", StringSplitOptions.RemoveEmptyEntries);
        File.WriteAllText(path, string.Join("\n---\n", documents.Where(d => !d.Contains("\nkind: Service\n", StringComparison.Ordinal))));
        return path;
    }
}
