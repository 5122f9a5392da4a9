namespace MeshOps.Envoy.Clusters;

/// <summary>
/// One endpoint of an Envoy cluster as <c>/clusters</c> reports it: where it is, whether Envoy sends to it, and the
/// per-host counters (named after Envoy's stats: <c>cx_connect_fail</c> is <see cref="CxConnectFail"/>).
/// The text and JSON forms of the same data give equal hosts. <c>canary</c> is left out: only the text prints it.
/// </summary>
public sealed record EnvoyClusterHost
{
    public required EnvoySource Source { get; init; }

    /// <summary>The pod whose sidecar answered (so <c>-Service</c> results group by pod); null for a URL or file.</summary>
    public string? Pod => Source.Pod;

    /// <summary>The pod's Kubernetes namespace (= Source.Namespace), so piping to another Envoy cmdlet binds -Pod and -Namespace together.</summary>
    public string? Namespace => Source.Namespace;

    /// <summary>The cluster this host belongs to.</summary>
    public required string Cluster { get; init; }

    /// <summary>The address as Envoy prints it: <c>10.0.0.1:20000</c>, <c>[fd00::1]:20000</c> or a pipe path.</summary>
    public required string Address { get; init; }

    /// <summary>The IP address without brackets; null for a pipe.</summary>
    public string? IPAddress { get; init; }

    /// <summary>The port; null for a pipe.</summary>
    public int? Port { get; init; }

    /// <summary>The pipe (Unix socket) path, when the host is one.</summary>
    public string? PipePath { get; init; }

    /// <summary>The hostname EDS gave the endpoint; null when none.</summary>
    public string? Hostname { get; init; }

    public EnvoyHostHealthFlags HealthFlags { get; init; }

    /// <summary>
    /// Whether Envoy load balances to the host: no failure flag set (degraded hosts still take traffic, after healthy
    /// ones). Consul's troubleshooter counts the same: EDS HEALTHY and not ejected by outlier detection.
    /// </summary>
    public bool Healthy => (HealthFlags & FailureFlags) == 0;

    public ulong CxActive { get; init; }

    /// <summary>Connections that could not be established (refused, timed out, TLS handshake failed).</summary>
    public ulong CxConnectFail { get; init; }

    public ulong CxTotal { get; init; }

    public ulong RqActive { get; init; }

    public ulong RqError { get; init; }

    public ulong RqSuccess { get; init; }

    public ulong RqTimeout { get; init; }

    public ulong RqTotal { get; init; }

    /// <summary>Outlier detection's success rate in percent; null when it has not enough data (Envoy prints -1).</summary>
    public double? SuccessRate { get; init; }

    /// <summary>The same for locally originated failures (connect failures, timeouts); null without data.</summary>
    public double? LocalOriginSuccessRate { get; init; }

    public uint Weight { get; init; }

    public uint Priority { get; init; }

    public string? Region { get; init; }

    public string? Zone { get; init; }

    public string? SubZone { get; init; }

    private const EnvoyHostHealthFlags FailureFlags =
        EnvoyHostHealthFlags.FailedActiveHealthCheck | EnvoyHostHealthFlags.FailedOutlierCheck | EnvoyHostHealthFlags.FailedEdsHealth
        | EnvoyHostHealthFlags.PendingActiveHealthCheck | EnvoyHostHealthFlags.ExcludedViaImmediateHealthCheckFail
        | EnvoyHostHealthFlags.ActiveHealthCheckTimeout | EnvoyHostHealthFlags.EdsStatusDraining | EnvoyHostHealthFlags.Other;

    public override string ToString() => $"{Cluster} {Address}";
}
