namespace MeshOps.Rules.Intentions
{
    /// <summary>Consul's name normalisation and the wildcard specifier, in one place.</summary>
    public static class ConsulNames
    {
        public const string Wildcard = "*";

        public const string DefaultNamespace = "default";

        public const string DefaultPartition = "default";

        public static string NamespaceOrDefault(string? ns) => string.IsNullOrEmpty(ns) ? DefaultNamespace : ns!;

        public static string PartitionOrDefault(string? partition) =>
            string.IsNullOrEmpty(partition) ? DefaultPartition : partition!;

        /// <summary>Consul treats an empty peer as "the local cluster".</summary>
        public static string PeerOrLocal(string? peer) => peer ?? string.Empty;

        public static string Qualified(string? ns, string name) => NamespaceOrDefault(ns) + "/" + name;
    }
}
