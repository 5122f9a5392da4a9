namespace MeshOps.Simulation.Consul;

/// <summary>A Consul service's kind: a plain service, or the Envoy sidecar consul-k8s registers beside it.</summary>
public enum ConsulServiceKind
{
    Typical,
    ConnectProxy,
}

/// <summary>The status of an instance's health check.</summary>
public enum ConsulCheckStatus
{
    Passing,
    Warning,
    Critical,
}

/// <summary>
/// One registered instance, as consul-k8s's endpoints controller registers a pod: ID "&lt;pod&gt;-&lt;service&gt;", a
/// synthetic node, the pod IP and port, meta naming the Kubernetes namespace and pod, and one health check that follows
/// the pod's readiness.
/// </summary>
public sealed record ConsulServiceInstance(string Id, string Service, string Node, string Address, int Port)
{
    public ConsulServiceKind Kind { get; init; } = ConsulServiceKind.Typical;

    /// <summary>For a connect-proxy: the service it fronts (Proxy.DestinationServiceName).</summary>
    public string? DestinationService { get; init; }

    /// <summary>For a connect-proxy: the ID of the instance it fronts (Proxy.DestinationServiceID).</summary>
    public string? DestinationServiceId { get; init; }

    public int LocalServicePort { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    public IReadOnlyDictionary<string, string> Meta { get; init; } = new Dictionary<string, string>();

    public ConsulCheckStatus Health { get; init; } = ConsulCheckStatus.Passing;

    /// <summary>The node's own address (127.0.0.1 for consul-k8s's synthetic nodes).</summary>
    public string NodeAddress { get; init; } = "127.0.0.1";

    public IReadOnlyDictionary<string, string> NodeMeta { get; init; } = new Dictionary<string, string>();

    public string Namespace { get; init; } = "default";

    public ulong CreateIndex { get; init; }

    public ulong ModifyIndex { get; init; }
}
