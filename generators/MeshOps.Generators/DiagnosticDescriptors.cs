using System.Collections.Immutable;
using MeshOps.Rules.Catalog;
using Microsoft.CodeAnalysis;

namespace MeshOps.Generators
{
    /// <summary>
    /// Every diagnostic the generator and analyzer report. The typed-mesh ones are built from the shared
    /// <see cref="RuleCatalog"/>: the same ID, title, message and severity as Test-MeshConfig, with the formatted fix and
    /// confirm command in the diagnostic's properties. The MESH8xx range belongs to the CRD generator alone (no runtime rule).
    /// </summary>
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

        // The typed mesh (MeshDeclarationAnalyzer), from the shared rule catalogue.
        public const string FixProperty = "Fix";
        public const string ConfirmProperty = "Confirm";

        public static readonly DiagnosticDescriptor TargetPortMismatch = From(RuleCatalog.TargetPortMismatch);
        public static readonly DiagnosticDescriptor LoopbackBind = From(RuleCatalog.LoopbackBind);
        public static readonly DiagnosticDescriptor CallPortNotExposed = From(RuleCatalog.CallPortNotExposed);
        public static readonly DiagnosticDescriptor CallDeniedByIntentions = From(RuleCatalog.CallDeniedByIntentions);
        public static readonly DiagnosticDescriptor DuplicateIntention = From(RuleCatalog.DuplicateIntention);
        public static readonly DiagnosticDescriptor L7PermissionsOnTcp = From(RuleCatalog.L7PermissionsOnTcp);
        public static readonly DiagnosticDescriptor HttpProtocolOnTcpService = From(RuleCatalog.HttpProtocolOnTcpService);
        public static readonly DiagnosticDescriptor ServiceAccountTokenNotMounted = From(RuleCatalog.ServiceAccountTokenNotMounted);
        public static readonly DiagnosticDescriptor InvalidServiceName = From(RuleCatalog.InvalidServiceName);
        public static readonly DiagnosticDescriptor PortOutOfRange = From(RuleCatalog.PortOutOfRange);
        public static readonly DiagnosticDescriptor DuplicateServiceName = From(RuleCatalog.DuplicateServiceName);
        public static readonly DiagnosticDescriptor UpstreamNotInMesh = From(RuleCatalog.UpstreamNotInMesh);
        public static readonly DiagnosticDescriptor ServiceOutsideMesh = From(RuleCatalog.ServiceOutsideMesh);
        public static readonly DiagnosticDescriptor InvalidRequestMatch = From(RuleCatalog.InvalidRequestMatch);

        public static readonly ImmutableArray<DiagnosticDescriptor> All = ImmutableArray.Create(
            TargetPortMismatch, LoopbackBind, CallPortNotExposed, CallDeniedByIntentions, DuplicateIntention,
            L7PermissionsOnTcp, HttpProtocolOnTcpService, ServiceAccountTokenNotMounted,
            InvalidServiceName, PortOutOfRange, DuplicateServiceName, UpstreamNotInMesh, ServiceOutsideMesh, InvalidRequestMatch);

        /// <summary>The descriptor built from a catalogue rule (one the analyzer reports).</summary>
        public static DiagnosticDescriptor Of(RuleDescriptor rule)
        {
            foreach (var descriptor in All)
            {
                if (descriptor.Id == rule.Id)
                {
                    return descriptor;
                }
            }

            throw new System.ArgumentException("The analyzer does not report " + rule.Id + ".", nameof(rule));
        }

        /// <summary>The catalogue rule a descriptor was built from.</summary>
        public static RuleDescriptor RuleOf(DiagnosticDescriptor descriptor) =>
            RuleCatalog.Find(descriptor.Id) ?? Find(RuleCatalog.CompileTime, descriptor.Id);

        private static RuleDescriptor Find(System.Collections.Generic.IReadOnlyList<RuleDescriptor> rules, string id)
        {
            foreach (var rule in rules)
            {
                if (rule.Id == id)
                {
                    return rule;
                }
            }

            throw new System.ArgumentException("No rule " + id + " in the catalogue.", nameof(id));
        }

        private static DiagnosticDescriptor From(RuleDescriptor rule) => new DiagnosticDescriptor(
            rule.Id,
            rule.Title,
            rule.MessageFormat,
            rule.Category,
            ToRoslyn(rule.Severity),
            isEnabledByDefault: true,
            description: rule.Title + ". The same rule as Test-MeshConfig " + rule.Id + (rule.CompileTimeOnly ? " (compile time only)." : "."),
            customTags: rule.CompileTimeOnly ? new[] { "MeshOps", "CompileTimeOnly" } : new[] { "MeshOps" });

        public static DiagnosticSeverity ToRoslyn(Severity severity) => severity switch
        {
            Severity.Error => DiagnosticSeverity.Error,
            Severity.Warning => DiagnosticSeverity.Warning,
            _ => DiagnosticSeverity.Info,
        };
    }
}
