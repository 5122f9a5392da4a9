using System.Text.Json.Nodes;
using MeshOps.Tests;

namespace MeshOps.Simulation.Cluster;

/// <summary>
/// The objects <c>kubectl apply -f</c> would send for HashiCups: examples/hashicups/healthy, with a seeded fault folder
/// laid over it the way examples/hashicups/README.md describes (a fault file replaces the healthy file of the same
/// name; a new file is added).
/// </summary>
public static class HashiCupsManifests
{
    public static string HealthyFolder => RepoPaths.Combine("examples", "hashicups", "healthy");

    public static string FaultsFolder => RepoPaths.Combine("examples", "hashicups", "faults");

    /// <summary>The seeded fault folders, by name (MESH101-payments-targetport, ...).</summary>
    public static IReadOnlyList<string> SeededFaults() =>
        Directory.GetDirectories(FaultsFolder).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();

    /// <summary>The files applied, in the order kubectl applies a folder (by file name).</summary>
    public static IReadOnlyList<string> Files(string? seededFault)
    {
        var files = Directory.GetFiles(HealthyFolder, "*.yaml").ToDictionary(f => Path.GetFileName(f), StringComparer.Ordinal);
        if (seededFault is not null)
        {
            var folder = Path.Combine(FaultsFolder, seededFault);
            if (!Directory.Exists(folder))
            {
                throw new ArgumentException(
                    $"There is no seeded fault '{seededFault}' in {FaultsFolder}; the seeded faults are: {string.Join(", ", SeededFaults())}.",
                    nameof(seededFault));
            }

            foreach (var file in Directory.GetFiles(folder, "*.yaml"))
            {
                files[Path.GetFileName(file)] = file;
            }
        }

        return files.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Value).ToList();
    }

    /// <summary>The objects applied: a fault folder's consul-k8s Helm values say how Consul was installed, and kubectl applies no values file.</summary>
    public static IReadOnlyList<JsonObject> Read(string? seededFault) =>
        Files(seededFault).SelectMany(f => YamlJson.ReadDocuments(File.ReadAllText(f))).Where(o => o["apiVersion"] is not null && o["kind"] is not null).ToList();
}
