namespace MeshOps.Generators.Crds
{
    /// <summary>
    /// Consul config entries of which there is one, under a name Consul fixes: the consul-k8s webhooks refuse any other
    /// (<c>proxydefaults resource name must be "global"</c>, a Mesh named other than <c>mesh</c>, <c>exportedservices
    /// resource name must be "default"</c> on CE). Their builders take no name, so a wrong one cannot be written.
    /// </summary>
    internal static class SingletonKinds
    {
        private const string ConsulGroup = "consul.hashicorp.com";

        /// <summary>The name Consul requires for <paramref name="kind"/> of <paramref name="group"/>, or null for a kind with free names.</summary>
        public static string? FixedName(string group, string kind) =>
            group != ConsulGroup ? null : kind switch
            {
                "ProxyDefaults" => "global",
                "Mesh" => "mesh",
                "ExportedServices" => "default",
                _ => null,
            };

        /// <summary>
        /// True for ExportedServices: with Enterprise admin partitions it is named after its partition instead.
        /// </summary>
        public static bool NamedByPartition(string group, string kind) => group == ConsulGroup && kind == "ExportedServices";
    }
}
