using k8s;
using MeshOps.Clients.Kubernetes;

namespace MeshOps.Clients.Consul;

/// <summary>A Consul client and how it reaches the server: directly, or through the named pod's port-forward.</summary>
/// <param name="Via">The pod the requests are forwarded to ("consul/consul-server-0"), or null when the address was given.</param>
public sealed record ConsulConnection(ConsulClient Client, string? Via) : IDisposable
{
    public void Dispose() => Client.Dispose();
}

/// <summary>
/// Reaches Consul the way an operator would with no address at hand: <c>kubectl port-forward</c> to a server pod.
/// An address the user gave (the option or CONSUL_HTTP_ADDR) always wins, as with the consul CLI. Otherwise the
/// server pods are found by the labels the consul-k8s chart gives them (app=consul, component=server; pods
/// consul-server-N behind the consul-server Service), and the first ready one, by name, is used on its HTTP port.
/// </summary>
public static class ConsulServerPod
{
    public const string ServerSelector = "app=consul,component=server";

    /// <summary>The HTTP API port of a server pod (consul-k8s serves HTTPS on 8501 when TLS is on: give the address then).</summary>
    public const int HttpPort = 8500;

    /// <exception cref="InvalidOperationException">No ready Consul server pod is visible in the cluster.</exception>
    /// <exception cref="KubernetesRequestException">The cluster refused to list the server pods (RBAC, credentials).</exception>
    public static async Task<ConsulConnection> ConnectAsync(
        KubernetesConnection cluster,
        ConsulClientOptions? options = null,
        Func<string, string?>? environment = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        options ??= new ConsulClientOptions();
        environment ??= Environment.GetEnvironmentVariable;
        if (options.Address is not null || options.Handler is not null || !string.IsNullOrEmpty(environment(ConsulSettings.AddressVariable)))
        {
            return new ConsulConnection(new ConsulClient(options, environment), Via: null);
        }

        var (ns, pod) = await FindReadyServerAsync(cluster, cancellationToken).ConfigureAwait(false);
        var via = $"{ns}/{pod}";
        var forwarded = options with
        {
            Address = $"http://{pod}.{ns}:{HttpPort}",
            Handler = PodPortForward.CreateHttpHandler(cluster.Client, ns, pod, HttpPort),
            ConnectionAdvice = $"Consul was reached through a port-forward to pod {via} port {HttpPort} in {cluster.Describe()}: check that the pod is running, or set CONSUL_HTTP_ADDR to the server's address.",
        };
        return new ConsulConnection(new ConsulClient(forwarded, environment), via);
    }

    private static async Task<(string Namespace, string Pod)> FindReadyServerAsync(KubernetesConnection cluster, CancellationToken cancellationToken)
    {
        k8s.Models.V1PodList pods;
        try
        {
            pods = await cluster.Client.CoreV1.ListPodForAllNamespacesAsync(labelSelector: ServerSelector, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (k8s.Autorest.HttpOperationException refused)
        {
            throw KubernetesErrors.Map(refused, cluster, $"list pods -l {ServerSelector} in all namespaces");
        }

        var ready = pods.Items
            .Where(p => p.Status?.Phase == "Running" && p.Status.Conditions?.Any(c => c.Type == "Ready" && c.Status == "True") == true)
            .OrderBy(p => p.Metadata.NamespaceProperty, StringComparer.Ordinal)
            .ThenBy(p => p.Metadata.Name, StringComparer.Ordinal)
            .FirstOrDefault();
        return ready is null
            ? throw new InvalidOperationException(
                $"No ready Consul server pod ({ServerSelector}) in {cluster.Describe()}, so Consul cannot be reached through a port-forward: set CONSUL_HTTP_ADDR to the server's address.")
            : (ready.Metadata.NamespaceProperty, ready.Metadata.Name);
    }
}
