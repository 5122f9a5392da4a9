using MeshOps.Envoy.Certificates;
using MeshOps.Envoy.Clusters;

namespace MeshOps.Paths.Live;

/// <summary>
/// What was read of one pod's sidecar: Envoy admin answers (through a port-forward to 19000) and the tail of the
/// sidecar container's log. A part left null was not read; a part whose <see cref="EnvoyReading{T}.Value"/>
/// is null could not be, with the reason.
/// </summary>
internal sealed record EnvoySidecarData(string Pod, string Namespace)
{
    /// <summary><c>/clusters?format=json</c>; the judge reads it on the source pod only.</summary>
    public EnvoyReading<IReadOnlyList<EnvoyCluster>>? Clusters { get; init; }

    public EnvoyReading<EnvoyStatsSamples>? Stats { get; init; }

    public EnvoyReading<IReadOnlyList<EnvoyCertificate>>? Certificates { get; init; }

    /// <summary>The sidecar container whose log is read (consul-dataplane, or envoy-sidecar before consul-k8s 1.0).</summary>
    public string LogContainer { get; init; } = EnvoySidecarReader.LogContainer;

    /// <summary>The last lines of the sidecar container's log, oldest first.</summary>
    public EnvoyReading<IReadOnlyList<string>>? LogLines { get; init; }

    /// <summary>Envoy's admin port in the pod, for the commands a user pastes.</summary>
    public int AdminPort { get; init; } = Envoy.Admin.EnvoyAdminClient.DefaultAdminPort;

    /// <summary>The pod as evidence names it.</summary>
    public override string ToString() => $"pod {Namespace}/{Pod}";
}
