namespace MeshOps.Simulation.Cluster;

/// <summary>What the simulated HashiCups cluster carries.</summary>
public sealed record SimulatedClusterOptions
{
    /// <summary>A folder under examples/hashicups/faults (e.g. MESH101-payments-targetport) laid over the healthy set; null for healthy.</summary>
    public string? SeededFault { get; init; }

    public IReadOnlyList<RuntimeFault> RuntimeFaults { get; init; } = [];

    /// <summary>Where HashiCups is applied (objects that name no namespace land here, as with kubectl).</summary>
    public string Namespace { get; init; } = "default";

    /// <summary>The Consul ACL token the Consul server requires (X-Consul-Token); null when ACLs are off, as in HashiCups.</summary>
    public string? ConsulToken { get; init; }
}
