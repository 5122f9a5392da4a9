using MeshOps.Analysis;
using MeshOps.Graph;
using MeshOps.Paths;
using MeshOps.Sources.Files;
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
    public void An_unknown_intention_source_reaches_the_paths_of_the_caller_it_is_a_near_miss_of_as_alone()
    {
        // In the deny-all, so it is weighed for every path: a near miss of public-api and a name near nothing.
        var paths = ManyFindingsOnOneHopTests.WithIntentions(
            ManyFindingsOnOneHopTests.DenyAllSource,
            ManyFindingsOnOneHopTests.DenyAllSource + ManyFindingsOnOneHopTests.Sources(["public-apix", "retired-billing"], "deny"));
        var requests = Requests(paths);

        var each = PathTracer.TraceEach(paths.Model, paths.Report, requests).ToList();

        for (var i = 0; i < requests.Count; i++)
        {
            Assert.Equal(Describe(PathTracer.Trace(paths.Model, paths.Report, requests[i].From, requests[i].To, requests[i].Port, requests[i].Namespace)), Describe(each[i]));
        }

        var warned = each.Where(r => r.Hops.Any(h => h.Name == PathHopName.Intention && h.RuleIds.Contains("MESH202"))).Select(r => r.From).Distinct();
        Assert.Equal(["public-api.default"], warned);
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

    [Fact]
    public void A_source_served_by_two_workloads_traces_their_calls_in_model_order_as_alone()
    {
        // Service api selects both Deployments: the source end has two workloads, whose calls -All merges from its
        // per-workload lists back into the order the model holds them.
        var manifests = ManifestLoader.LoadText(TwoWorkloadsYaml, "two-workloads.yaml");
        var (report, model) = MeshAnalyzer.AnalyzeWithModel(manifests);
        List<PathRequest> requests = [new("api", "backend"), new("api", "backend", 9090), new("api-v1", "backend"), new("backend", "api")];

        var each = PathTracer.TraceEach(model, report, requests).ToList();

        Assert.Equal(2, PathTracer.Trace(model, report, "api", "backend").Hops.Single(h => h.Name == PathHopName.Name).Evidence.Count(e => e.Contains(" calls backend", StringComparison.Ordinal)));
        for (var i = 0; i < requests.Count; i++)
        {
            Assert.Equal(Describe(PathTracer.Trace(model, report, requests[i].From, requests[i].To, requests[i].Port)), Describe(each[i]));
        }
    }

    private static readonly string TwoWorkloadsYaml = string.Join("---\n",
        """
        apiVersion: v1
        kind: Service
        metadata: {name: api}
        spec: {selector: {app: api}, ports: [{port: 8080}]}

        """,
        ApiDeployment("v2"),
        ApiDeployment("v1"),
        """
        apiVersion: v1
        kind: Service
        metadata: {name: backend}
        spec: {selector: {app: backend}, ports: [{port: 9090}]}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: backend}
        spec:
          selector: {matchLabels: {app: backend}}
          template:
            metadata: {labels: {app: backend}, annotations: {consul.hashicorp.com/connect-inject: "true"}}
            spec:
              containers: [{name: backend, image: backend:1, ports: [{containerPort: 9090}]}]
        """);

    /// <summary>A Deployment of api on one track, labelled so that Service api selects it, calling backend.</summary>
    private static string ApiDeployment(string track) => $$$"""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: api-{{{track}}}}
        spec:
          selector: {matchLabels: {app: api, track: {{{track}}}}}
          template:
            metadata: {labels: {app: api, track: {{{track}}}}, annotations: {consul.hashicorp.com/connect-inject: "true"}}
            spec:
              containers:
                - name: api
                  image: api:{{{track[1..]}}}
                  ports: [{containerPort: 8080}]
                  env: [{name: BACKEND_URL, value: "http://backend:9090/{{{track}}}"}]

        """;

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
