namespace MeshOps.Envoy.Config;

/// <summary>A cluster of a traffic split (a Consul service-splitter): its name and weight.</summary>
public sealed record EnvoyWeightedCluster(string Name, ulong Weight)
{
    public ConsulClusterName Destination => ConsulClusterName.Parse(Name);
}
