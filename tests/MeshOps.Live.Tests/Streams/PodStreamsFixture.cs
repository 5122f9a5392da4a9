using System.Text.Json.Nodes;
using MeshOps.Simulation.Envoy;
using MeshOps.Simulation.Kubernetes;
using MeshOps.Simulation.Pods;

namespace MeshOps.Live.Tests.Streams;

/// <summary>
/// A simulated API server with one meshed pod (<c>shop/public-api-1</c>: containers <c>public-api</c> and
/// <c>consul-dataplane</c>), its /proc/net/tcp files, and its Envoy admin behind pod port 19000.
/// </summary>
public sealed class PodStreamsFixture : IAsyncLifetime
{
    public const string Namespace = "shop";
    public const string Pod = "public-api-1";
    public const string App = "public-api";

    /// <summary>A listening socket on 0.0.0.0:8080 and Envoy admin on 127.0.0.1:19000, as the kernel prints them.</summary>
    public const string ProcNetTcp =
        "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n" +
        "   0: 00000000:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 31337 1 0000000000000000 100 0 0 10 0\n" +
        "   1: 0100007F:4A38 00000000:0000 0A 00000000:00000000 00:00000000 00000000   100        0 31338 1 0000000000000000 100 0 0 10 0\n";

    public const string ProcNetTcp6 =
        "  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n" +
        "   0: 00000000000000000000000000000000:1F90 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 31339 1 0000000000000000 100 0 0 10 0\n";

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("meshops-streams");

    public ObjectStore Store { get; } = new();

    public PodNetwork Network { get; } = new();

    public PodFiles Files { get; } = new();

    public SimulatedKubernetesServer Server { get; private set; } = null!;

    public SimulatedEnvoyAdmin Envoy { get; private set; } = null!;

    public string Kubeconfig { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Store.Put((JsonObject)JsonNode.Parse($$$"""
            {"apiVersion":"v1","kind":"Pod","metadata":{"name":"{{{Pod}}}","namespace":"{{{Namespace}}}","labels":{"app":"{{{App}}}"}},
             "spec":{"containers":[{"name":"{{{App}}}","image":"hashicorpdemoapp/public-api:v0.0.7"},{"name":"consul-dataplane","image":"hashicorp/consul-dataplane:1.6.1"}]},
             "status":{"phase":"Running","podIP":"10.244.0.21"}}
            """)!);
        Files.Write(Namespace, Pod, App, "/proc/net/tcp", ProcNetTcp);
        Files.Write(Namespace, Pod, App, "/proc/net/tcp6", ProcNetTcp6);
        Envoy = await SimulatedEnvoyAdmin.StartAsync(EnvoyAdminData.For(App, Namespace, Pod, "10.244.0.21", "product-api", "payments"));
        Network.Listen(Namespace, Pod, 19000, Envoy.EndPoint);
        Server = await SimulatedKubernetesServer.StartAsync(Store, Network, Files);
        Kubeconfig = Server.WriteKubeconfig(Path.Combine(_directory.FullName, "kubeconfig"), "simulated", Namespace);
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        await Envoy.DisposeAsync();
        _directory.Delete(recursive: true);
    }
}
