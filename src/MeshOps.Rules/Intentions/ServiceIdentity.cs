namespace MeshOps.Rules.Intentions
{
    /// <summary>
    /// A concrete service taking part in a call. Null or empty Namespace/Partition mean "default" and a null Peer
    /// means the local cluster, as Consul normalises them.
    /// </summary>
    public sealed record ServiceIdentity(string Namespace, string Name, string? Partition = null, string? Peer = null)
    {
        public override string ToString() => ConsulNames.Qualified(Namespace, Name);
    }
}
