namespace MeshOps.Simulation.Consul;

/// <summary>What an intention does with a matching source.</summary>
public enum ConsulIntentionAction
{
    Allow,
    Deny,
}
