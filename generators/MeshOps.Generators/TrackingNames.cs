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

        /// <summary>The SDK's model readers (ModelReaderGenerator).</summary>
        public static class Readers
        {
            /// <summary>One graph of types per class marked [ModelReaderRoots].</summary>
            public const string Graphs = "ModelReaderGraphs";
        }

        /// <summary>The typed-mesh pipeline (MeshGenerator).</summary>
        public static class Mesh
        {
            /// <summary>Each nested class with MeshOps attributes, read from its syntax (re-read only when its tree changes).</summary>
            public const string ServiceDeclarations = "MeshServiceDeclarations";

            /// <summary>Each class declaration naming MeshDefinition&lt;...&gt; as its base, read from its syntax.</summary>
            public const string MeshDeclarations = "MeshDefinitionDeclarations";

            /// <summary>Using aliases and source types that take or point at a MeshOps name (then every declaration is bound).</summary>
            public const string Shadowing = "MeshOpsShadowingDeclarations";

            /// <summary>Once per compilation: whether MeshOps is referenced.</summary>
            public const string Reference = "MeshOpsReference";

            /// <summary><see cref="Reference"/> and <see cref="Shadowing"/>: whether the syntax reader can trust MeshOps' simple names.</summary>
            public const string Names = "MeshOpsNames";

            /// <summary>The [MeshService] declarations in order, each decided by its syntax or marked to bind.</summary>
            public const string ResolvedServices = "MeshServicesResolved";

            /// <summary>Every service's model, the undecided ones read from their symbols.</summary>
            public const string Services = "MeshServices";

            /// <summary>One model per mesh, with its services and resolved upstreams.</summary>
            public const string Meshes = "Meshes";
        }
    }
}
