using MeshOps.Clients;

namespace MeshOps.Envoy.Admin;

/// <summary>How an <see cref="EnvoyAdminClient"/> waits, retries and how much it reads.</summary>
public sealed record EnvoyAdminOptions
{
    /// <summary>64 MiB: a <c>/config_dump?include_eds</c> of a sidecar with thousands of upstreams stays well under it.</summary>
    public const long DefaultMaxBodyBytes = 64L * 1024 * 1024;

    public static EnvoyAdminOptions Default { get; } = new();

    /// <summary>Per-attempt and total timeouts and retries, as for the Kubernetes and Consul clients.</summary>
    public ClientTimeouts Timeouts { get; init; } = ClientTimeouts.Default;

    /// <summary>
    /// The largest body read. Envoy's admin has no limit of its own and a <c>/stats</c> dump grows with every upstream,
    /// so a body past this is refused before it is read whole rather than filling the memory of the shell.
    /// </summary>
    public long MaxBodyBytes { get; init; } = DefaultMaxBodyBytes;

    /// <summary>Told of each retry (for -Verbose); never given a header or a body.</summary>
    public Action<RetryNotice>? OnRetry { get; init; }
}
