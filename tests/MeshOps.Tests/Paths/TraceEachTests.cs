using MeshOps.Graph;
using MeshOps.Paths;
using MeshOps.Tests.Analysis;

namespace MeshOps.Tests.Paths;

/// <summary>
/// Test-MeshPath -All traces through <see cref="PathTracer.TraceEach"/>, whose lookups are built once over the model and
/// findings; every result must be the one <see cref="PathTracer.Trace(Model.MeshModel, Analysis.AnalysisReport, string, string, int?, string?)"/>
/// gives alone, on paths whose findings sit at call sites, on end objects and on intentions.
/// </summary>
public class TraceEachTests
{
    public static TheoryData<string> Examples => new(HashiCupsExample.FaultNames.Prepend("healthy"));

    [Theory]
    [MemberData(nameof(Examples))]
    public void Tracing_every_path_at_once_gives_what_tracing_each_alone_gives(string example)
    {
        var paths = HashiCupsPaths.Load(example == "healthy" ? null : example);
        var requests = Requests(paths);

        var each = PathTracer.TraceEach(paths.Model, paths.Report, requests).ToList();

        Assert.Equal(requests.Count, each.Count);
        for (var i = 0; i < requests.Count; i++)
        {
            var alone = PathTracer.Trace(paths.Model, paths.Report, requests[i].From, requests[i].To, requests[i].Port, requests[i].Namespace);
            Assert.Equal(Describe(alone), Describe(each[i]));
        }
    }

    [Fact]
    public void The_faults_give_paths_that_fail_so_the_comparison_covers_findings()
    {
        var failing = HashiCupsExample.FaultNames
            .Select(fault => HashiCupsPaths.Load(fault))
            .SelectMany(paths => PathTracer.TraceEach(paths.Model, paths.Report, Requests(paths)))
            .Count(r => !r.Passed);

        Assert.True(failing >= 20, $"{failing} failing paths");
    }

    /// <summary>
    /// Every edge of the mesh graph, per port (what -All traces), then every ordered pair of its services both ways of
    /// naming them, a name that resolves to nothing and one asked with a namespace default.
    /// </summary>
    private static List<PathRequest> Requests(HashiCupsPaths paths)
    {
        var graph = MeshGraphBuilder.Build(paths.Model, paths.Report);
        var requests = graph.PathRequests().ToList();
        var names = graph.Nodes.Select(n => n.Name).Concat(paths.Model.Workloads.Select(w => w.Name)).Append("paymnts").Distinct().ToList();
        requests.AddRange(names.SelectMany(from => names.Where(to => to != from).Select(to => new PathRequest(from, to))));
        requests.Add(new PathRequest("public-api", "payments", 9999));
        requests.Add(new PathRequest("public-api", "products-api", Namespace: "default"));
        return requests;
    }

    private static string Describe(PathReport report) =>
        string.Join("\n", report.Hops.Select(h => $"{h.Name} {h.Status} [{string.Join(" | ", h.Evidence)}] fix={h.Fix} confirm={h.Confirm} rules={string.Join(",", h.RuleIds)}")
            .Prepend($"{report.From} -> {report.To}:{report.Port} root={report.RootCause} verdict={report.Verdict}"));
}
