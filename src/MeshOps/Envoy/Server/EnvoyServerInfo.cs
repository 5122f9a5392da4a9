namespace MeshOps.Envoy.Server;

/// <summary>
/// What <c>/server_info</c> says of one Envoy process: its state, build, uptime and hot-restart generation, and the
/// node it presents to Consul's xDS server. Envoy 1.8 and older answered one plain line, which gives fewer fields
/// (the rest are null).
/// </summary>
public sealed record EnvoyServerInfo
{
    public required EnvoySource Source { get; init; }

    /// <summary>The pod whose sidecar answered (= Source.Pod), so -Service results group by pod.</summary>
    public string? Pod => Source.Pod;

    /// <summary>The pod's namespace (= Source.Namespace), so piping to another Envoy cmdlet binds -Pod and -Namespace together.</summary>
    public string? Namespace => Source.Namespace;

    public required EnvoyServerState State { get; init; }

    /// <summary>The state as Envoy printed it (<c>LIVE</c>, <c>PRE_INITIALIZING</c>).</summary>
    public required string StateName { get; init; }

    /// <summary>The release, <c>1.27.2</c>.</summary>
    public string? Version { get; init; }

    /// <summary>The whole build string, <c>&lt;sha&gt;/1.27.2/Clean/RELEASE/BoringSSL</c>.</summary>
    public required string VersionString { get; init; }

    /// <summary>The source revision (git SHA) Envoy was built from.</summary>
    public string? Revision { get; init; }

    /// <summary><c>Clean</c> or <c>Modified</c>: whether the build had local changes.</summary>
    public string? BuildStatus { get; init; }

    /// <summary><c>RELEASE</c> or <c>DEBUG</c>.</summary>
    public string? BuildType { get; init; }

    /// <summary>The TLS library, <c>BoringSSL</c> or <c>BoringSSL-FIPS</c> (absent before Envoy 1.9).</summary>
    public string? SslLibrary { get; init; }

    /// <summary>Since this process (this hot-restart epoch) started.</summary>
    public required TimeSpan Uptime { get; init; }

    /// <summary>Since the first epoch of a hot-restart chain started.</summary>
    public required TimeSpan UptimeAllEpochs { get; init; }

    /// <summary>The shared-memory layout version; two processes hot-restart into each other only when it is equal.</summary>
    public string? HotRestartVersion { get; init; }

    /// <summary>How many hot restarts led to this process (0 for the first).</summary>
    public uint? RestartEpoch { get; init; }

    /// <summary>True when Envoy was started with --disable-hot-restart.</summary>
    public bool? HotRestartDisabled { get; init; }

    /// <summary>Worker threads (--concurrency).</summary>
    public uint? Concurrency { get; init; }

    public string? LogLevel { get; init; }

    /// <summary>How long listeners drain on a hot restart or shutdown (--drain-time-s).</summary>
    public TimeSpan? DrainTime { get; init; }

    /// <summary>The node ID sent to the xDS server; consul-k8s makes it <c>&lt;pod&gt;-&lt;service&gt;-sidecar-proxy</c>.</summary>
    public string? NodeId { get; init; }

    /// <summary>The node's cluster: the Consul service the sidecar fronts.</summary>
    public string? NodeCluster { get; init; }

    /// <summary>True only when LIVE: the one state in which <c>/ready</c> answers 200.</summary>
    public bool Ready => State == EnvoyServerState.Live;
}
