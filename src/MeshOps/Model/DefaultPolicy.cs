namespace MeshOps.Model;

/// <summary>What Consul decides when no intention matches a call.</summary>
public enum DefaultPolicy
{
    /// <summary>Consul's behaviour with ACLs disabled.</summary>
    Allow,

    /// <summary>ACLs enabled with default deny, or a deny-all intention.</summary>
    Deny,
}
