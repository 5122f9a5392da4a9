using System.Text.RegularExpressions;
using MeshOps.Simulation.Cluster;

namespace MeshOps.Live.Tests.Paths;

/// <summary>
/// A live trace costs the snapshot (one list per kind per namespace) and, beyond it, only exec, port-forward and log
/// requests for the pods on the path (and the Consul server pod it forwards to): never a read per object or per pod.
/// </summary>
public sealed partial class LivePathRequestCountTests
{
    [Fact]
    public async Task A_trace_lists_each_kind_once_and_asks_only_the_pods_on_its_path()
    {
        await using var path = await LivePath.StartAsync();
        path.Cluster.Kubernetes.ClearRequests();

        var report = await path.TraceAsync("public-api", "products-api");

        Assert.True(report.Passed, report.Verdict);
        var requests = path.Cluster.Kubernetes.Requests;
        var lists = requests.Where(r => !PodSubresource().IsMatch(r.Path)).ToList();
        Assert.All(lists, r => Assert.Equal("GET", r.Method));
        // Each list (kind, namespace, selector) once: the snapshot and the Consul server lookup, nothing read twice.
        Assert.Equal(lists.Count, lists.Select(r => (r.Path, r.Query)).Distinct().Count());
        // No object read by name, except the namespaces the snapshot asks for.
        Assert.DoesNotContain(lists, r => Regex.IsMatch(r.Path, "^/api/v1/namespaces/[^/]+/pods/[^/]+$"));

        var asked = requests.Select(r => PodSubresource().Match(r.Path)).Where(m => m.Success).ToList();
        Assert.All(asked, m => Assert.Contains(m.Groups["sub"].Value, (string[])["exec", "portforward", "log"]));
        var pods = asked.Select(m => m.Groups["pod"].Value).Distinct().ToList();
        var onPath = path.Cluster.Contents.Pods.Where(p => p.Workload is "public-api" or "products-api").Select(p => p.Name).Append("consul-server-0").ToHashSet();
        Assert.All(pods, p => Assert.Contains(p, onPath));
        // The destination's sockets are read once, through exec.
        var products = Assert.Single(path.Cluster.Contents.Pods, p => p.Workload == "products-api").Name;
        Assert.Single(asked, m => m.Groups["pod"].Value == products && m.Groups["sub"].Value == "exec");
    }

    [GeneratedRegex("^/api/v1/namespaces/(?<ns>[^/]+)/pods/(?<pod>[^/]+)/(?<sub>[^/]+)$")]
    private static partial Regex PodSubresource();
}
