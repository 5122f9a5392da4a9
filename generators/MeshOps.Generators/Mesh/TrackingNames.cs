namespace MeshOps.Generators.Mesh
{
    /// <summary>Names of the incremental steps, so tests can assert what a run recomputed.</summary>
    internal static class TrackingNames
    {
        /// <summary>Each [MeshService] class read into a model (null when it is not nested in a mesh).</summary>
        public const string ServiceDeclarations = "MeshServiceDeclarations";

        /// <summary>The declarations that belong to a mesh.</summary>
        public const string Services = "MeshServices";

        /// <summary>All services, collected.</summary>
        public const string CollectedServices = "MeshServicesCollected";

        /// <summary>One model per mesh, with its services and resolved upstreams.</summary>
        public const string Meshes = "Meshes";
    }
}
