using MeshOps.Analysis;
using MeshOps.Paths;
using MeshOps.Sources.Files;
using MeshOps.Tests.Analysis;

namespace MeshOps.Tests.Paths;

/// <summary>
/// An intention for "*" brings its findings to every path's Intention hop. With many of them (a deny-all naming a
/// dozen retired services) the hop still lists each finding once, in report order, and the most severe decides.
/// </summary>
public sealed class ManyFindingsOnOneHopTests
{
    private const int Retired = 12;

    private static (AnalysisReport Report, PathReport Path) TraceWithRetiredSources()
    {
        var texts = HashiCupsExample.Files().Select(file =>
        {
            var text = File.ReadAllText(file);
            return Path.GetFileName(file) == "intentions.yaml"
                ? text.Replace("    - name: \"*\"\n      action: deny\n", "    - name: \"*\"\n      action: deny\n"
                    + string.Concat(Enumerable.Range(0, Retired).Select(i => $"    - name: retired-{i:D2}\n      action: deny\n")), StringComparison.Ordinal)
                : text;
        });
        var manifests = ManifestLoader.LoadText(string.Join("\n---\n", texts), "hashicups.yaml");
        var (report, model) = MeshAnalyzer.AnalyzeWithModel(manifests);
        return (report, PathTracer.Trace(model, report, "public-api", "products-api", null));
    }

    [Fact]
    public void Every_finding_of_the_deny_all_appears_once_on_the_Intention_hop_in_report_order()
    {
        var (report, path) = TraceWithRetiredSources();

        var retired = report.Findings.Where(f => f.RuleId == "MESH202" && f.Message.Contains("retired-", StringComparison.Ordinal)).ToList();
        Assert.Equal(Retired, retired.Count);
        var intention = Assert.Single(path.Hops, h => h.Name == PathHopName.Intention);
        var lines = intention.Evidence.Where(e => e.Contains("MESH202", StringComparison.Ordinal)).ToList();
        Assert.Equal(retired.Select(f => f.Message), lines.Select(line => retired.Single(f => line.Contains(f.Message, StringComparison.Ordinal)).Message));
        Assert.Equal(["MESH202"], intention.RuleIds);
    }
}
