using MeshOps.Analysis;
using MeshOps.Clients.Consul;
using MeshOps.Clients.Kubernetes;
using MeshOps.Live.Tests.Live;
using MeshOps.Model;
using MeshOps.Paths;
using MeshOps.Paths.Live;
using MeshOps.Simulation.Cluster;
using MeshOps.Sources.Live;

namespace MeshOps.Live.Tests.Paths;

/// <summary>
/// A simulated HashiCups cluster (Kubernetes, Consul, the sidecars' Envoy) and the SDK's live tracer reaching it
/// through a kubeconfig, as Test-MeshPath does: snapshot, analysis, model, then the probes of the path's pods.
/// </summary>
internal sealed class LivePath : IAsyncDisposable
{
    private LivePath(SimulatedCluster cluster) => Cluster = cluster;

    public SimulatedCluster Cluster { get; }

    public static async Task<LivePath> StartAsync(params string[] runtimeFaults) =>
        new(await SimulatedCluster.StartAsync(new SimulatedClusterOptions { RuntimeFaults = [.. runtimeFaults.Select(RuntimeFault.Parse)] }));

    public static async Task<LivePath> StartAsync(SimulatedClusterOptions options) => new(await SimulatedCluster.StartAsync(options));

    /// <summary>Traces one call with a fresh snapshot, Consul reached through the port-forward to its server pod.</summary>
    public Task<PathReport> TraceAsync(string from, string to, int? port = null, LivePathOptions? options = null) =>
        TraceAsync(Cluster, from, to, port, options);

    /// <summary>Traces one call on a cluster a test started itself, through a kubeconfig as Test-MeshPath does.</summary>
    public static async Task<PathReport> TraceAsync(SimulatedCluster cluster, string from, string to, int? port = null, LivePathOptions? options = null)
    {
        var folder = Directory.CreateTempSubdirectory("meshops-path");
        try
        {
            using var connection = KubernetesConnection.Create(
                new KubernetesConnectionOptions { Kubeconfig = cluster.WriteKubeconfig(Path.Combine(folder.FullName, "kubeconfig")), Timeouts = LiveCluster.FastTimeouts },
                _ => null,
                home: null);
            var snapshot = await LiveSnapshot.ReadAsync(connection, LiveSnapshotOptions.Default, CancellationToken.None);
            var analysis = MeshAnalyzer.Analyze(snapshot);
            var model = MeshModelBuilder.Build(snapshot);
            using var tracer = new LivePathTracer(connection, Options(options));
            return await tracer.TraceAsync(model, analysis, from, to, port, cancellationToken: CancellationToken.None);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Short samples and retries, and no CONSUL_* variable of the machine running the tests.</summary>
    public static LivePathOptions Options(LivePathOptions? options) =>
        (options ?? new LivePathOptions()) with
        {
            SampleInterval = options?.SampleInterval ?? TimeSpan.FromMilliseconds(200),
            Environment = _ => null,
            Consul = options?.Consul ?? new ConsulClientOptions { Timeouts = LiveCluster.FastTimeouts },
        };

    public ValueTask DisposeAsync() => Cluster.DisposeAsync();
}
