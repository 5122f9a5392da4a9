namespace MeshOps.Generators.Crds
{
    /// <summary>
    /// Where a user CRD's types go: <c>{RootNamespace}.Crds.{group labels in PascalCase}</c>, so the
    /// <c>consul.hashicorp.com</c> kinds of project <c>Shop.Infra</c> land in <c>Shop.Infra.Crds.Consul.Hashicorp.Com</c>
    /// and never clash with the SDK's built-in <c>MeshOps.Consul</c>. The item metadata <c>MeshOpsNamespace</c>
    /// overrides it per file.
    /// </summary>
    internal static class CrdNamespaces
    {
        public static string For(string rootNamespace, string group)
        {
            var root = rootNamespace.Trim();
            return (root.Length == 0 ? string.Empty : root + ".") + "Crds." + Naming.GroupNamespace(group);
        }
    }
}
