using MeshOps.Clients;
using MeshOps.Clients.Kubernetes;
using MeshOps.Simulation.Kubernetes;
using MeshOps.Simulation.Pods;

namespace MeshOps.Live.Tests.Live;

/// <summary>A simulated API server of its own for one test, a kubeconfig for it, and a connection through that kubeconfig.</summary>
internal sealed class LiveCluster : IAsyncDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("meshops-live");

    private LiveCluster(SimulatedKubernetesServer server)
    {
        Server = server;
    }

    public SimulatedKubernetesServer Server { get; }

    public ObjectStore Store => Server.Store;

    public string Folder => _directory.FullName;

    /// <summary>Retries kept short so that a test of a failure that is retried does not wait seconds.</summary>
    public static ClientTimeouts FastTimeouts { get; } = ClientTimeouts.Default with { RetryBaseDelay = TimeSpan.FromMilliseconds(10), MaxRetryDelay = TimeSpan.FromMilliseconds(50), MaxRetries = 1 };

    public static async Task<LiveCluster> StartAsync(Action<ObjectStore>? seed = null)
    {
        var store = new ObjectStore();
        seed?.Invoke(store);
        return new LiveCluster(await SimulatedKubernetesServer.StartAsync(store, new PodNetwork(), new PodFiles()));
    }

    public string WriteKubeconfig(string context = "simulated", string? @namespace = null) =>
        Server.WriteKubeconfig(Path.Combine(Folder, $"kubeconfig-{context}"), context, @namespace);

    public KubernetesConnection Connect(string? @namespace = null, string context = "simulated") =>
        KubernetesConnection.Create(
            new KubernetesConnectionOptions { Kubeconfig = WriteKubeconfig(context), Namespace = @namespace, Timeouts = FastTimeouts },
            _ => null,
            home: null);

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        _directory.Delete(recursive: true);
    }
}
