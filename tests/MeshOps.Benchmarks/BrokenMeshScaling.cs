using System.Globalization;
using MeshOps.Analysis;
using MeshOps.Graph;
using MeshOps.Paths;
using MeshOps.Sources.Files;

namespace MeshOps.Benchmarks;

/// <summary>
/// <c>--broken</c>: Test-MeshConfig's and Test-MeshPath -All's work (load, analyse, graph, trace every edge) on the
/// synthetic mesh and on copies broken the ways real meshes break at scale, at 2,000 and 4,000 services. The healthy
/// benchmarks could not see that "did you mean" over every Service per typo, errors searched per graph edge, or Services
/// scanned per unselected pod made a broken mesh quadratic (8 to 10 s at 4,000). Prints each shape's growth for
/// twice the services (about 2 when linear) and its ratio to the healthy mesh measured in the same rounds. Not a test:
/// no target is named for it, so nothing is judged; it shows a quadratic shape at a glance.
/// </summary>
public static class BrokenMeshScaling
{
    public static readonly int[] AllSizes = [2000, 4000];
    private const int Rounds = 3;

    private static readonly (string Name, Func<string, string> Break)[] Shapes =
    [
        ("healthy", yaml => yaml),
        ("every call denied", yaml => yaml.Replace("action: allow", "action: deny", StringComparison.Ordinal)),
        ("a typo in every call", yaml => yaml.Replace("value: \"http://svc-", "value: \"http://svcx", StringComparison.Ordinal)),
        ("an unknown source in every intention", yaml => yaml.Replace("\n      action: allow", "x\n      action: allow", StringComparison.Ordinal)),
        ("no Service selects its pods", yaml => yaml.Replace("selector:\n    app:", "selector:\n    appx:", StringComparison.Ordinal)),
        ("one intention names 40 Consul namespaces", yaml => yaml + OtherTeamsIntention(40)),
        ("the deny-all names 500 unknown sources", yaml => yaml.Replace(DenyAllSource, DenyAllSource + UnknownSources(500), StringComparison.Ordinal)),
    ];

    private const string DenyAllSource = "    - name: \"*\"\n      action: deny\n";

    // Each is a finding about the intention for "*", so every path weighs all 500 (a near miss of its caller would be
    // shown on its Intention hop; these are near no service, so none is).
    private static string UnknownSources(int count) =>
        string.Concat(Enumerable.Range(0, count).Select(i => $"    - name: retired-{i:D3}\n      action: deny\n"));

    // Consul Enterprise without the Helm values: once any intention names namespaces, each side of every call may be in
    // any of them, so a verdict must hold for every pair (CallerNamespaces). Here the namespaces are named by one
    // intention for a service nothing calls, so they decide none of the mesh's calls.
    private static string OtherTeamsIntention(int namespaces) =>
        "---\napiVersion: consul.hashicorp.com/v1alpha1\nkind: ServiceIntentions\nmetadata:\n  name: reports\nspec:\n  destination:\n    name: reports\n  sources:\n"
        + string.Concat(Enumerable.Range(0, namespaces).Select(i => $"    - name: analytics\n      namespace: team-{i:D2}\n      action: allow\n"));

    public static int Run(IReadOnlyList<int> sizes, TextWriter log)
    {
        log.WriteLine($"Load, analyse, graph and trace -All on broken copies of the synthetic mesh; fastest of {Rounds} rounds, CPU ms of the measuring thread, {FreshHeap.Description}; {Affinity.LoadAverage()}.");
        var warm = Shapes.Select(s => s.Break(SyntheticMesh.Generate(200).Yaml)).ToList();
        TieredJit.Settle(10, () => warm.ForEach(yaml => Once(yaml)));

        var texts = Shapes.Select(shape => sizes.Select(size => shape.Break(SyntheticMesh.Generate(size).Yaml)).ToArray()).ToArray();
        var best = Shapes.Select(_ => sizes.Select(_ => (Ms: double.MaxValue, Findings: 0, Failing: 0)).ToArray()).ToArray();
        for (var round = 0; round < Rounds; round++)
        {
            for (var s = 0; s < Shapes.Length; s++)
            {
                for (var i = 0; i < sizes.Count; i++)
                {
                    var (ms, findings, failing) = Measure(texts[s][i]);
                    best[s][i] = ms < best[s][i].Ms ? (ms, findings, failing) : best[s][i];
                }
            }
        }

        log.WriteLine($"  {"shape",-38} {string.Join(" ", sizes.Select(n => $"{n + " svc (findings, failing paths)",34}"))} {"growth",7} {"x healthy",10}");
        for (var s = 0; s < Shapes.Length; s++)
        {
            var cells = sizes.Select((_, i) => string.Create(CultureInfo.InvariantCulture, $"{best[s][i].Ms,10:F0} ms ({best[s][i].Findings,6:N0}, {best[s][i].Failing,6:N0})"));
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {Shapes[s].Name,-38} {string.Join(" ", cells.Select(c => $"{c,34}"))} {best[s][^1].Ms / best[s][0].Ms,7:F2} {best[s][^1].Ms / best[0][^1].Ms,10:F2}"));
        }

        return 0;
    }

    private static (double Ms, int Findings, int Failing) Measure(string yaml)
    {
        FreshHeap.Prepare();
        var start = ThreadCpuTime.Milliseconds();
        var (findings, failing) = Once(yaml);
        return (ThreadCpuTime.Milliseconds() - start, findings, failing);
    }

    private static (int Findings, int Failing) Once(string yaml)
    {
        var (report, model) = MeshAnalyzer.AnalyzeWithModel(ManifestLoader.LoadText(yaml, "broken.yaml"));
        var requests = MeshGraphBuilder.Build(model, report).PathRequests();
        var failing = PathTracer.TraceEach(model, report, requests).Count(r => !r.Passed);
        return (report.Findings.Count, failing);
    }
}
