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

    /// <summary>
    /// Consul Enterprise namespaces mirroring Kubernetes namespaces with this prefix (the injector runs with
    /// -enable-namespaces and -enable-k8s-namespace-mirroring); null for CE, whose API refuses the ns parameter.
    /// </summary>
    public string? ConsulNamespaceMirroringPrefix { get; init; }
}
