namespace MeshOps.Generators
{
    /// <summary>Names of the generator's pipeline steps, for <c>WithTrackingName</c> and the incrementality tests.</summary>
    internal static class TrackingNames
    {
        public const string BuiltInOption = nameof(BuiltInOption);
        public const string BuiltInKinds = nameof(BuiltInKinds);
        public const string CrdFiles = nameof(CrdFiles);
        public const string CrdNamespace = nameof(CrdNamespace);
        public const string CrdModels = nameof(CrdModels);
        public const string CrdDiagnostics = nameof(CrdDiagnostics);
        public const string CrdKinds = nameof(CrdKinds);
    }
}
