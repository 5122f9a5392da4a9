using MeshOps.Simulation.Consul;
using MeshOps.Simulation.Envoy;
using MeshOps.Simulation.Faults;
using MeshOps.Simulation.Kubernetes;
using MeshOps.Simulation.Pods;

namespace MeshOps.Simulation.Cluster;

/// <summary>
/// HashiCups on a simulated Kubernetes cluster with consul-k8s: the API server (HTTPS, bearer token), the Consul
/// server (reachable directly at <see cref="ConsulAddress"/> and through a port-forward to consul/consul-server-0:8500),
/// and an Envoy admin per registered sidecar (its pod's port 19000), all on 127.0.0.1. Built from examples/hashicups
/// with a seeded fault folder laid over it, plus the runtime faults no manifest shows.
/// </summary>
public sealed class SimulatedCluster : IAsyncDisposable
{
    private readonly List<SimulatedEnvoyAdmin> _sidecars;

    private SimulatedCluster(
        SimulatedClusterOptions options, ClusterContents contents, SimulatedKubernetesServer kubernetes, SimulatedConsulServer consul,
        List<SimulatedEnvoyAdmin> sidecars, PodNetwork network, PodFiles files)
    {
        Options = options;
        Contents = contents;
        Kubernetes = kubernetes;
        Consul = consul;
        _sidecars = sidecars;
        Network = network;
        Files = files;
    }

    public SimulatedClusterOptions Options { get; }

    public ClusterContents Contents { get; }

    public SimulatedKubernetesServer Kubernetes { get; }

    public SimulatedConsulServer Consul { get; }

    /// <summary>The Envoy admin of each registered sidecar, by pod.</summary>
    public IReadOnlyList<SimulatedEnvoyAdmin> Sidecars => _sidecars;

    public ObjectStore Store => Kubernetes.Store;

    public PodNetwork Network { get; }

    public PodFiles Files { get; }

    /// <summary>What CONSUL_HTTP_ADDR would be set to for the Consul server (http://127.0.0.1:port).</summary>
    public Uri ConsulAddress => Consul.BaseAddress;

    /// <summary>The consul-k8s Helm values the simulated release was installed with, which the connect-injector's flags carry.</summary>
    public static string HelmValues => ConsulInstallation.HelmValues;

    /// <summary>The faults of the API server; the Consul server and each sidecar have their own.</summary>
    public FaultPlan KubernetesFaults => Kubernetes.Faults;

    public static async Task<SimulatedCluster> StartAsync(SimulatedClusterOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var store = new ObjectStore();
        var network = new PodNetwork();
        var files = new PodFiles();
        var kubernetes = await SimulatedKubernetesServer.StartAsync(store, network, files, ct: ct);
        SimulatedConsulServer? consul = null;
        var sidecars = new List<SimulatedEnvoyAdmin>();
        try
        {
            var contents = ClusterContents.Build(options, kubernetes.CertificateAuthorityPem);
            foreach (var obj in contents.Objects)
            {
                store.Put(obj);
            }

            foreach (var pod in contents.Pods)
            {
                ProcNetTcp.Write(files, pod, contents.Objects, options.RuntimeFaults);
            }

            var state = ConsulCatalog.Build(contents, options.RuntimeFaults, options.ConsulNamespaceMirroringPrefix);
            consul = await SimulatedConsulServer.StartAsync(state, requiredToken: options.ConsulToken, ct: ct);
            network.Listen(ConsulInstallation.Namespace, ConsulInstallation.ServerPod, ConsulInstallation.HttpPort, consul.EndPoint);
            // After the seeded objects: they were synced when the cluster was built; what is applied from now on is synced here.
            new ConfigEntryController(store, state, options.RuntimeFaults).Attach();
            SidecarLogs.Write(kubernetes.Logs, contents, options.RuntimeFaults);
            foreach (var data in EnvoySidecars.Build(contents, state).Select(d => EnvoyFaults.Apply(d, options.RuntimeFaults)))
            {
                var sidecar = await SimulatedEnvoyAdmin.StartAsync(data, ct: ct);
                sidecars.Add(sidecar);
                network.Listen(data.Namespace, data.Pod, SidecarInjector.EnvoyAdminPort, sidecar.EndPoint);
            }

            return new SimulatedCluster(options, contents, kubernetes, consul, sidecars, network, files);
        }
        catch
        {
            foreach (var sidecar in sidecars)
            {
                await sidecar.DisposeAsync();
            }

            if (consul is not null)
            {
                await consul.DisposeAsync();
            }

            await kubernetes.DisposeAsync();
            throw;
        }
    }

    /// <summary>Writes a kubeconfig for the cluster (context "simulated", namespace HashiCups' own) and returns its full path.</summary>
    public string WriteKubeconfig(string path, string context = "simulated", string? @namespace = null) =>
        Kubernetes.WriteKubeconfig(path, context, @namespace ?? Options.Namespace);

    public async ValueTask DisposeAsync()
    {
        foreach (var sidecar in _sidecars)
        {
            await sidecar.DisposeAsync();
        }

        await Consul.DisposeAsync();
        await Kubernetes.DisposeAsync();
    }
}
