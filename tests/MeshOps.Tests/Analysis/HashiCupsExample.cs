using MeshOps.Analysis;
using MeshOps.Sources.Files;

namespace MeshOps.Tests.Analysis;

/// <summary>
/// Loads the embedded HashiCups example: the healthy set, optionally with one fault folder laid over it
/// (a fault file replaces the healthy file of the same name).
/// </summary>
internal static class HashiCupsExample
{
    public static string HealthyFolder => RepoPaths.Combine("examples", "hashicups", "healthy");

    public static string FaultsFolder => RepoPaths.Combine("examples", "hashicups", "faults");

    public static IEnumerable<string> FaultNames =>
        Directory.GetDirectories(FaultsFolder).Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    public static IReadOnlyList<string> Files(string? fault = null)
    {
        var overlay = fault is null ? [] : Directory.GetFiles(Path.Combine(FaultsFolder, fault));
        var replaced = overlay.Select(Path.GetFileName).ToHashSet();
        return Directory.GetFiles(HealthyFolder).Where(f => !replaced.Contains(Path.GetFileName(f))).Concat(overlay).ToList();
    }

    public static AnalysisReport Analyze(string? fault = null, AnalysisOptions? options = null) =>
        MeshAnalyzer.Analyze(ManifestLoader.LoadPaths(Files(fault)), options);
}
