namespace MeshOps.Discovery;

/// <summary>
/// Where the app listens. Host is null for every interface (<c>:8080</c>, <c>0.0.0.0</c>, <c>::</c>, <c>*</c>). A loopback
/// bind is reachable by the sidecar (Envoy's local_app cluster dials 127.0.0.1) but not by anything without one.
/// </summary>
public sealed record BindAddress(string? Host, int Port, string Excerpt)
{
    public string? Key { get; init; }

    public bool IsLoopback => LoopbackHosts.IsLoopback(Host);
}
