namespace MeshOps.Generators.Mesh
{
    /// <summary>Metadata names of the SDK types the generator and the analyzer look for.</summary>
    internal static class KnownNames
    {
        public const string MeshServiceAttribute = "MeshOps.Authoring.MeshServiceAttribute";
        public const string ConsulMeshAttribute = "MeshOps.Authoring.ConsulMeshAttribute";
        public const string ContainerPortAttribute = "MeshOps.Authoring.ContainerPortAttribute";
        public const string ServicePortAttribute = "MeshOps.Authoring.ServicePortAttribute";
        public const string UpstreamAttribute = "MeshOps.Authoring.UpstreamAttribute";
        public const string ServiceAccountAttribute = "MeshOps.Authoring.ServiceAccountAttribute";
        public const string MeshDefinition = "MeshOps.Authoring.MeshDefinition`1";
        public const string IntentionBuilder = "MeshOps.Authoring.IntentionBuilder`1";
        public const string HttpPermissions = "MeshOps.Authoring.HttpPermissions";
    }
}
