namespace MeshOps.Envoy.Config;

/// <summary>A listener's <c>traffic_direction</c>: Consul marks <c>public_listener</c> INBOUND and <c>outbound_listener</c> OUTBOUND.</summary>
public enum EnvoyTrafficDirection
{
    Unspecified,
    Inbound,
    Outbound,
}
