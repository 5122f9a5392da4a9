namespace MeshOps.Clients.Consul;

/// <summary>Where a Consul setting came from, so an error can say which one to change.</summary>
public enum ConsulSettingSource
{
    /// <summary>The consul CLI's default (127.0.0.1:8500, plain HTTP, no token).</summary>
    Default,

    /// <summary>A CONSUL_* environment variable.</summary>
    Environment,

    /// <summary>Given to the client directly (a cmdlet parameter, or the port-forward the live source opened).</summary>
    Explicit,
}
