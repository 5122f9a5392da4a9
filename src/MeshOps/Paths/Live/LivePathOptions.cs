using MeshOps.Clients.Consul;
using MeshOps.Envoy.Admin;

namespace MeshOps.Paths.Live;

/// <summary>How a live trace reaches Consul and the sidecars of the pods on the path.</summary>
public sealed record LivePathOptions
{
    /// <summary>Consul's address and token; by default as the consul CLI resolves them, else a port-forward to a server pod.</summary>
    public ConsulClientOptions? Consul { get; init; }

    /// <summary>The environment Consul's settings are read from (CONSUL_HTTP_ADDR, CONSUL_HTTP_TOKEN, ...).</summary>
    public Func<string, string?>? Environment { get; init; }

    /// <summary>The time between the two reads of Envoy's counters that tell a rising failure from an old one.</summary>
    public TimeSpan SampleInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Envoy's admin port in the pods (consul-k8s: 19000).</summary>
    public int AdminPort { get; init; } = EnvoyAdminClient.DefaultAdminPort;

    /// <summary>How many of the sidecar's last log lines are scanned for known failures.</summary>
    public int LogTailLines { get; init; } = 200;

    /// <summary>Receives a line for each read (the cmdlet's -Verbose): which pod, which endpoint, how Consul was reached.</summary>
    public Action<string>? OnNote { get; init; }
}
