using Microsoft.CodeAnalysis;

namespace MeshOps.Generators
{
    /// <summary>Every diagnostic the generator reports. The MESH8xx range belongs to the generator alone (no runtime rule).</summary>
    internal static class DiagnosticDescriptors
    {
        public const string UnreadableCrdId = "MESH801";
        public const string NoCrdInFileId = "MESH802";
        public const string DuplicateKindId = "MESH803";

        private const string Category = "MeshOps.Crds";

        public static readonly DiagnosticDescriptor UnreadableCrd = new(
            UnreadableCrdId,
            "CRD file cannot be read",
            "Cannot generate builders from {0} (line {1}): {2}",
            Category,
            DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: "A file added with MeshOpsKind=\"Crd\" is not a CustomResourceDefinition this generator can read. Fix the line named; no code is generated from the file.");

        public static readonly DiagnosticDescriptor NoCrdInFile = new(
            NoCrdInFileId,
            "File holds no CRD",
            "No builders are generated from {0} (line {1}): {2}",
            Category,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "A file added with MeshOpsKind=\"Crd\" has no document of kind CustomResourceDefinition.");

        public static readonly DiagnosticDescriptor DuplicateKind = new(
            DuplicateKindId,
            "Kind defined twice",
            "{0} (line {1}) is skipped: {2}",
            Category,
            DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: "Two CRD files define the same kind in the same namespace; only the first is generated.");

        public static DiagnosticDescriptor For(string id) => id switch
        {
            UnreadableCrdId => UnreadableCrd,
            NoCrdInFileId => NoCrdInFile,
            _ => DuplicateKind,
        };
    }
}
