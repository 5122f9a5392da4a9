namespace MeshOps.Generators.Mesh
{
    /// <summary>Metadata names of the SDK types the generator and the analyzer look for.</summary>
    internal static class KnownNames
    {
        public const string MeshServiceAttribute = "MeshOps.Config.MeshServiceAttribute";
        public const string ContainerPortAttribute = "MeshOps.Config.ContainerPortAttribute";
        public const string ServicePortAttribute = "MeshOps.Config.ServicePortAttribute";
        public const string UpstreamAttribute = "MeshOps.Config.UpstreamAttribute";
        public const string ServiceAccountAttribute = "MeshOps.Config.ServiceAccountAttribute";
        public const string MeshDefinition = "MeshOps.Config.MeshDefinition`1";
        public const string IntentionBuilder = "MeshOps.Config.IntentionBuilder`1";
        public const string HttpPermissions = "MeshOps.Config.HttpPermissions";
        public const string MeshProtocol = "MeshOps.Config.MeshProtocol";
    }
}
