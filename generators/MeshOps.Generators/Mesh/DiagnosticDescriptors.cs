using System.Collections.Immutable;
using MeshOps.Rules.Catalog;
using Microsoft.CodeAnalysis;

namespace MeshOps.Generators.Mesh
{
    /// <summary>
    /// Every diagnostic the compiler reports for a typed mesh, each built from the shared <see cref="RuleCatalog"/>:
    /// the same ID, title, message and severity as Test-MeshConfig. The formatted fix and confirm command travel in
    /// the diagnostic's properties.
    /// </summary>
    internal static class DiagnosticDescriptors
    {
        public const string FixProperty = "Fix";
        public const string ConfirmProperty = "Confirm";

        public static readonly DiagnosticDescriptor TargetPortMismatch = From(RuleCatalog.TargetPortMismatch);
        public static readonly DiagnosticDescriptor LoopbackBind = From(RuleCatalog.LoopbackBind);
        public static readonly DiagnosticDescriptor CallPortNotExposed = From(RuleCatalog.CallPortNotExposed);
        public static readonly DiagnosticDescriptor CallDeniedByIntentions = From(RuleCatalog.CallDeniedByIntentions);
        public static readonly DiagnosticDescriptor DuplicateIntention = From(RuleCatalog.DuplicateIntention);
        public static readonly DiagnosticDescriptor HttpProtocolOnTcpService = From(RuleCatalog.HttpProtocolOnTcpService);
        public static readonly DiagnosticDescriptor ServiceAccountTokenNotMounted = From(RuleCatalog.ServiceAccountTokenNotMounted);
        public static readonly DiagnosticDescriptor InvalidServiceName = From(RuleCatalog.InvalidServiceName);
        public static readonly DiagnosticDescriptor PortOutOfRange = From(RuleCatalog.PortOutOfRange);
        public static readonly DiagnosticDescriptor DuplicateServiceName = From(RuleCatalog.DuplicateServiceName);
        public static readonly DiagnosticDescriptor UpstreamNotInMesh = From(RuleCatalog.UpstreamNotInMesh);
        public static readonly DiagnosticDescriptor ServiceOutsideMesh = From(RuleCatalog.ServiceOutsideMesh);

        public static readonly ImmutableArray<DiagnosticDescriptor> All = ImmutableArray.Create(
            TargetPortMismatch, LoopbackBind, CallPortNotExposed, CallDeniedByIntentions, DuplicateIntention,
            HttpProtocolOnTcpService, ServiceAccountTokenNotMounted,
            InvalidServiceName, PortOutOfRange, DuplicateServiceName, UpstreamNotInMesh, ServiceOutsideMesh);

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
