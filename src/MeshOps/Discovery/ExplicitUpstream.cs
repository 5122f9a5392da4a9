namespace MeshOps.Discovery;

/// <summary>
/// One entry of <c>consul.hashicorp.com/connect-service-upstreams</c>: Envoy listens on 127.0.0.1:LocalPort in the pod
/// and forwards to Service. PortName is set (and LocalPort 0) when the port is a container port name, which
/// consul-k8s resolves against the pod. For <c>prepared_query:name:port</c>, Service is the query name.
/// </summary>
public sealed record ExplicitUpstream(string Service, string? Namespace, int LocalPort, string? Datacenter, string Excerpt)
{
    public string? Partition { get; init; }

    public string? Peer { get; init; }

    public bool IsPreparedQuery { get; init; }

    public string? PortName { get; init; }
}
