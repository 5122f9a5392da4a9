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
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("meshops-path");

    private LivePath(SimulatedCluster cluster) => Cluster = cluster;

    public SimulatedCluster Cluster { get; }

    public static async Task<LivePath> StartAsync(params string[] runtimeFaults) =>
        new(await SimulatedCluster.StartAsync(new SimulatedClusterOptions { RuntimeFaults = [.. runtimeFaults.Select(RuntimeFault.Parse)] }));

    public KubernetesConnection Connect() =>
        KubernetesConnection.Create(
            new KubernetesConnectionOptions { Kubeconfig = Cluster.WriteKubeconfig(Path.Combine(_folder.FullName, "kubeconfig")), Timeouts = LiveCluster.FastTimeouts },
            _ => null,
            home: null);

    /// <summary>Traces one call with a fresh snapshot, Consul reached through the port-forward to its server pod.</summary>
    public async Task<PathReport> TraceAsync(string from, string to, int? port = null, LivePathOptions? options = null)
    {
        using var connection = Connect();
        var snapshot = await LiveSnapshot.ReadAsync(connection, LiveSnapshotOptions.Default, CancellationToken.None);
        var analysis = MeshAnalyzer.Analyze(snapshot);
        var model = MeshModelBuilder.Build(snapshot);
        using var tracer = new LivePathTracer(connection, Options(options));
        return await tracer.TraceAsync(model, analysis, from, to, port, cancellationToken: CancellationToken.None);
    }

    /// <summary>Short samples and retries, and no CONSUL_* variable of the machine running the tests.</summary>
    public static LivePathOptions Options(LivePathOptions? options) =>
        (options ?? new LivePathOptions()) with
        {
            SampleInterval = options?.SampleInterval ?? TimeSpan.FromMilliseconds(200),
            Environment = _ => null,
            Consul = options?.Consul ?? new ConsulClientOptions { Timeouts = LiveCluster.FastTimeouts },
        };

    public async ValueTask DisposeAsync()
    {
        await Cluster.DisposeAsync();
        _folder.Delete(recursive: true);
    }
}
