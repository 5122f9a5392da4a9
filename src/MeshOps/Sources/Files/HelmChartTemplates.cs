namespace MeshOps.Sources.Files;

/// <summary>
/// Files under a Helm chart's templates/ folder (a folder named templates beside a Chart.yaml). They are Go templates
/// that helm renders before anything reaches the cluster ({{ .Values.x }} is no YAML value), so they are left out with
/// the command that gives the objects they stand for.
/// </summary>
internal sealed class HelmChartTemplates
{
    // Folder → the chart it belongs to (or null): a large tree asks about the same folders again and again.
    private readonly Dictionary<string, string?> chartOfFolder = new(StringComparer.Ordinal);

    /// <summary>Why the file is left out, or null when it is no chart template.</summary>
    public string? WhyNotAManifest(string file)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(file));
        return folder is not null && ChartOf(folder) is { } chart
            ? $"a Helm chart template ({Path.Combine(chart, "Chart.yaml")}), rendered by helm before anything is applied; analyse what it renders: helm template <release> {chart} | Test-MeshConfig"
            : null;
    }

    private string? ChartOf(string folder)
    {
        if (chartOfFolder.TryGetValue(folder, out var known))
        {
            return known;
        }

        var parent = Path.GetDirectoryName(folder);
        var chart = parent is null ? null
            : Path.GetFileName(folder) == "templates" && File.Exists(Path.Combine(parent, "Chart.yaml")) ? parent
            : ChartOf(parent);
        chartOfFolder[folder] = chart;
        return chart;
    }
}
