namespace MeshOps.Generators.Crds
{
    /// <summary>The MSBuild properties and item metadata the generator reads (made visible by <c>build/MeshOps.Generators.props</c>).</summary>
    internal static class MsBuildNames
    {
        public const string EmitBuiltInKinds = "build_property.MeshOpsEmitBuiltInKinds";
        public const string RootNamespace = "build_property.RootNamespace";
        public const string KindMetadata = "build_metadata.AdditionalFiles.MeshOpsKind";
        public const string NamespaceMetadata = "build_metadata.AdditionalFiles.MeshOpsNamespace";
    }
}
