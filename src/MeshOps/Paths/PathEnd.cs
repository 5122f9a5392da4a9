using MeshOps.Model;

namespace MeshOps.Paths;

/// <summary>
/// One end of a path as the inputs know it: the Kubernetes Service (null when the name is only a workload or a Consul
/// service name), the workloads behind it, and the Consul service name intentions are written against.
/// </summary>
internal sealed record PathEnd(string Written, string Namespace, string ConsulName, KubernetesService? Service, IReadOnlyList<Workload> Workloads)
{
    public bool Resolved => Service is not null || Workloads.Count > 0;

    /// <summary>The names the inputs hold that are close to what was written, for "did you mean".</summary>
    public IReadOnlyList<string> Nearest { get; init; } = [];

    /// <summary>The pod the end was written as (<c>-From products-api-7d9f-abcde</c>), whose sidecar a live trace reads; null for a service.</summary>
    public string? Pod { get; init; }

    public override string ToString() => Resolved ? $"{ConsulName}.{Namespace}" : Written;
}
