namespace MeshOps.Envoy.Config;

/// <summary>What an intention (or the RBAC filter's default) does with a matching request or connection.</summary>
public enum EnvoyRbacAction
{
    Allow,
    Deny,

    /// <summary>Envoy's LOG action: records, decides nothing (Consul never writes it).</summary>
    Log,
}
