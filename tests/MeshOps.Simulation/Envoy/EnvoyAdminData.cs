namespace MeshOps.Simulation.Envoy;

/// <summary>The lifecycle states Envoy reports in <c>/server_info</c>, <c>/ready</c> and the <c>server.state</c> gauge (in that gauge's order).</summary>
public enum EnvoyServerState
{
    Live = 0,
    Draining = 1,
    PreInitializing = 2,
    Initializing = 3,
}

/// <summary>
/// One upstream a sidecar has a cluster for (a HashiCups service it calls), with what Envoy would have seen of it.
/// <paramref name="Endpoints"/> instances at port 20000; <paramref name="HealthyEndpoints"/> of them HEALTHY in EDS
/// (the rest UNHEALTHY, as Consul marks instances whose checks fail); <paramref name="ConnectFailures"/> is the
/// <c>upstream_cx_connect_fail</c> counter (the <c>delayed connect error: 111</c> case).
/// </summary>
public sealed record EnvoyUpstream(string Service, int Endpoints = 1, int? HealthyEndpoints = null, ulong ConnectFailures = 0)
{
    public int Healthy => HealthyEndpoints ?? Endpoints;

    /// <summary>Whether <see cref="ConnectFailures"/> grows on every stats read (failing now, not in the past).</summary>
    public bool ConnectFailuresRise { get; init; }
}

/// <summary>
/// What one sidecar's admin interface answers, per pod: the Consul service it fronts, its upstreams and its state.
/// Every answer is derived from the real Consul/Envoy samples in <c>../shared/reference/envoy-samples</c> (see
/// <see cref="EnvoySamples"/>), with the names of this pod put in, so a parser tested here meets the real shapes.
/// </summary>
public sealed record EnvoyAdminData(string Service, string Namespace, string Pod, string PodIp)
{
    /// <summary>The upstream clusters (HashiCups service names), in the order the sidecar lists them.</summary>
    public IReadOnlyList<EnvoyUpstream> Upstreams { get; init; } = [];

    public EnvoyServerState State { get; init; } = EnvoyServerState.Live;

    /// <summary>The intentions its public listener enforces; null keeps the consul-k8s sample's policy.</summary>
    public EnvoyRbac? Rbac { get; init; }

    /// <summary>The port of the application container behind <c>local_app</c>.</summary>
    public int AppPort { get; init; } = 8080;

    public string Datacenter { get; init; } = "dc1";

    /// <summary>The Consul CA's trust domain; the default is the one in the consul-k8s sample.</summary>
    public string TrustDomain { get; init; } = "bc3815c2-1a0f-f3ff-a2e9-20d791f08d00.consul";

    /// <summary>The Consul namespace of the service (<c>default</c> without Consul Enterprise namespaces).</summary>
    public string ConsulNamespace { get; init; } = "default";

    /// <summary>How long the sidecar's leaf certificate has left (Consul's default leaf TTL is 72 h).</summary>
    public TimeSpan LeafCertificateRemaining { get; init; } = TimeSpan.FromHours(71);

    /// <summary>The <c>local_app</c> cluster's <c>upstream_cx_connect_fail</c>: connections the sidecar could not open to its app.</summary>
    public ulong LocalAppConnectFailures { get; init; }

    /// <summary>Whether <see cref="LocalAppConnectFailures"/> grows on every stats read.</summary>
    public bool LocalAppConnectFailuresRise { get; init; }

    /// <summary>Since when the process runs, for uptime and certificate dates.</summary>
    public DateTimeOffset StartedAt { get; init; } = DateTimeOffset.UtcNow.AddMinutes(-42);

    /// <summary>A sidecar for <paramref name="service"/> in pod <paramref name="pod"/> calling <paramref name="upstreams"/>, all healthy.</summary>
    public static EnvoyAdminData For(string service, string ns, string pod, string podIp, params string[] upstreams) =>
        new(service, ns, pod, podIp) { Upstreams = upstreams.Select(u => new EnvoyUpstream(u)).ToList() };

    /// <summary>
    /// The data after one more <c>/stats</c> read: connect failures that are rising grow by
    /// <see cref="FailuresPerRead"/>, so two samples show a counter moving as a failing path does.
    /// </summary>
    public EnvoyAdminData AfterStatsRead()
    {
        if (!LocalAppConnectFailuresRise && !Upstreams.Any(u => u.ConnectFailuresRise))
            return this;
        return this with
        {
            LocalAppConnectFailures = LocalAppConnectFailures + (LocalAppConnectFailuresRise ? FailuresPerRead : 0),
            Upstreams = Upstreams.Select(u => u.ConnectFailuresRise ? u with { ConnectFailures = u.ConnectFailures + FailuresPerRead } : u).ToList(),
        };
    }

    /// <summary>How many connections fail between two stats reads of a rising counter.</summary>
    public const ulong FailuresPerRead = 3;

    /// <summary>The SNI cluster name Consul gives an upstream in the default partition.</summary>
    public string ClusterName(string service) => $"{service}.{ConsulNamespace}.{Datacenter}.internal.{TrustDomain}";

    /// <summary>The SPIFFE ID of a service's leaf certificate.</summary>
    public string SpiffeId(string service) => $"spiffe://{TrustDomain}/ns/{ConsulNamespace}/dc/{Datacenter}/svc/{service}";

    /// <summary>The Envoy node ID consul-k8s gives a sidecar: pod, service, <c>sidecar-proxy</c>.</summary>
    public string NodeId => $"{Pod}-{Service}-sidecar-proxy";

    /// <summary>The name Envoy prints for a state (<c>LIVE</c>, <c>PRE_INITIALIZING</c>).</summary>
    public string StateName => State switch
    {
        EnvoyServerState.Live => "LIVE",
        EnvoyServerState.Draining => "DRAINING",
        EnvoyServerState.PreInitializing => "PRE_INITIALIZING",
        _ => "INITIALIZING",
    };
}
