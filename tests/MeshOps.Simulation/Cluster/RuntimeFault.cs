namespace MeshOps.Simulation.Cluster;

/// <summary>What goes wrong at run time, which no manifest shows.</summary>
public enum RuntimeFaultKind
{
    /// <summary>The consul-dataplane container is not ready: the pod is not Ready and its endpoints are notReady.</summary>
    SidecarNotReady,

    /// <summary>The application container restarts and waits in CrashLoopBackOff.</summary>
    CrashLoopBackOff,

    /// <summary>Every endpoint address of the service is notReady.</summary>
    NoReadyEndpoints,

    /// <summary>The service is absent from Consul's catalog (consul-k8s never registered it).</summary>
    MissingFromCatalog,

    /// <summary>
    /// The application binds its ports on the pod IP only, so the sidecar's local_app cluster, which dials
    /// 127.0.0.1:&lt;port&gt;, is refused ("delayed connect error: 111") while the pod stays Ready.
    /// </summary>
    BoundToPodIp,

    /// <summary>
    /// Connections to the service fail and keep failing: its callers' Envoy count upstream_cx_connect_fail for its
    /// cluster, and its own sidecar cluster.local_app.upstream_cx_connect_fail, higher on every /stats read.
    /// </summary>
    ConnectFailures,

    /// <summary>The service's sidecar serves a leaf certificate that expired an hour ago (/certs).</summary>
    ExpiredCertificate,

    /// <summary>The service's consul-dataplane cannot reach the Consul servers: its log repeats the connection error.</summary>
    ConsulUnreachable,

    /// <summary>
    /// Consul refuses the config entries of the service that are applied once the cluster runs (its ServiceDefaults, the
    /// ServiceIntentions of which it is the destination): consul-k8s sets Synced=False with Consul's error.
    /// </summary>
    SyncRefused,

    /// <summary>
    /// Consul's copy of the service's config entries differs from the resource once applied (an intention's action
    /// flipped, the protocol changed), as after a consul config write outside Kubernetes; consul-k8s still says Synced.
    /// </summary>
    EntryDrift,

    /// <summary>
    /// consul-k8s syncs the service's applied config entries two seconds late: a new resource is Synced=Unknown until
    /// then, an updated one keeps its old status (Synced=True with the old lastSyncedTime), as consul-k8s leaves it.
    /// </summary>
    SlowSync,
}

/// <summary>One runtime fault on one HashiCups service (its Deployment and Service share the name).</summary>
public sealed record RuntimeFault(RuntimeFaultKind Kind, string Service)
{
    private static readonly Dictionary<string, RuntimeFaultKind> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["sidecar-not-ready"] = RuntimeFaultKind.SidecarNotReady,
        ["sidecarnotready"] = RuntimeFaultKind.SidecarNotReady,
        ["crashloop"] = RuntimeFaultKind.CrashLoopBackOff,
        ["crashloopbackoff"] = RuntimeFaultKind.CrashLoopBackOff,
        ["no-ready-endpoints"] = RuntimeFaultKind.NoReadyEndpoints,
        ["noreadyendpoints"] = RuntimeFaultKind.NoReadyEndpoints,
        ["missing-from-catalog"] = RuntimeFaultKind.MissingFromCatalog,
        ["missingfromcatalog"] = RuntimeFaultKind.MissingFromCatalog,
        ["bound-to-pod-ip"] = RuntimeFaultKind.BoundToPodIp,
        ["boundtopodip"] = RuntimeFaultKind.BoundToPodIp,
        ["connect-failures"] = RuntimeFaultKind.ConnectFailures,
        ["connectfailures"] = RuntimeFaultKind.ConnectFailures,
        ["expired-certificate"] = RuntimeFaultKind.ExpiredCertificate,
        ["expiredcertificate"] = RuntimeFaultKind.ExpiredCertificate,
        ["consul-unreachable"] = RuntimeFaultKind.ConsulUnreachable,
        ["consulunreachable"] = RuntimeFaultKind.ConsulUnreachable,
        ["sync-refused"] = RuntimeFaultKind.SyncRefused,
        ["syncrefused"] = RuntimeFaultKind.SyncRefused,
        ["entry-drift"] = RuntimeFaultKind.EntryDrift,
        ["entrydrift"] = RuntimeFaultKind.EntryDrift,
        ["slow-sync"] = RuntimeFaultKind.SlowSync,
        ["slowsync"] = RuntimeFaultKind.SlowSync,
    };

    /// <summary>The kinds as the command line writes them.</summary>
    public static IReadOnlyList<string> KindNames { get; } = ["sidecar-not-ready", "crashloop", "no-ready-endpoints", "missing-from-catalog", "bound-to-pod-ip", "connect-failures", "expired-certificate", "consul-unreachable", "sync-refused", "entry-drift", "slow-sync"];

    /// <summary>Reads <c>kind:service</c>, e.g. <c>crashloop:payments</c>.</summary>
    public static RuntimeFault Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == text.Length - 1)
        {
            throw new FormatException($"A runtime fault is written kind:service (e.g. crashloop:payments), not '{text}'.");
        }

        var kind = text[..colon];
        return Names.TryGetValue(kind, out var parsed)
            ? new RuntimeFault(parsed, text[(colon + 1)..])
            : throw new FormatException($"Unknown runtime fault kind '{kind}'; the kinds are: {string.Join(", ", KindNames)}.");
    }

    public bool Applies(RuntimeFaultKind kind, string service) => Kind == kind && string.Equals(Service, service, StringComparison.Ordinal);
}
