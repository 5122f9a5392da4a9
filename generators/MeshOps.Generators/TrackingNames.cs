namespace MeshOps.Generators
{
    /// <summary>Names of the generators' pipeline steps, for <c>WithTrackingName</c> and the incrementality tests: the CRD generator's here, the typed mesh's in <see cref="Mesh"/>.</summary>
    internal static class TrackingNames
    {
        public const string BuiltInOption = nameof(BuiltInOption);
        public const string BuiltInKinds = nameof(BuiltInKinds);
        public const string CrdFiles = nameof(CrdFiles);
        public const string CrdNamespace = nameof(CrdNamespace);
        public const string CrdModels = nameof(CrdModels);
        public const string CrdDiagnostics = nameof(CrdDiagnostics);
        public const string CrdKinds = nameof(CrdKinds);

        /// <summary>The typed-mesh pipeline (MeshGenerator).</summary>
        public static class Mesh
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
}
