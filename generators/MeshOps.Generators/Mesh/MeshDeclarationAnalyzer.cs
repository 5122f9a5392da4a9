using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace MeshOps.Generators.Mesh
{
    /// <summary>
    /// Reports what a typed mesh would break in the cluster, at the attribute argument or intention call that causes
    /// it. An analyzer rather than the generator, so <c>#pragma warning disable</c> and .editorconfig severities apply.
    /// Intentions are read from the calls on IntentionBuilder inside the mesh class (its Configure method).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class MeshDeclarationAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => DiagnosticDescriptors.All;

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var intentionBuilder = start.Compilation.GetTypeByMetadataName(KnownNames.IntentionBuilder);
                if (intentionBuilder is null || start.Compilation.GetTypeByMetadataName(KnownNames.MeshDefinition) is null)
                {
                    return;
                }

                start.RegisterSymbolStartAction(symbolStart => AnalyzeMesh(symbolStart, intentionBuilder), SymbolKind.NamedType);
                start.RegisterSymbolAction(ReportServiceOutsideMesh, SymbolKind.NamedType);
            });
        }

        private static void ReportServiceOutsideMesh(SymbolAnalysisContext context)
        {
            var type = (INamedTypeSymbol)context.Symbol;
            if (MeshParser.FindAttribute(type, KnownNames.MeshServiceAttribute) is not { } attribute
                || (type.ContainingType is { } outer && MeshParser.IsMesh(outer)))
            {
                return;
            }

            var where = type.ContainingType is { } container ? "inside " + container.Name + ", which is no MeshDefinition" : "at namespace level";
            var location = attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken).GetLocation() ?? type.Locations[0];
            var rule = DiagnosticDescriptors.RuleOf(DiagnosticDescriptors.ServiceOutsideMesh);
            var args = new object[] { type.Name, where };
            var properties = ImmutableDictionary<string, string?>.Empty
                .Add(DiagnosticDescriptors.FixProperty, rule.FormatFix(args))
                .Add(DiagnosticDescriptors.ConfirmProperty, rule.FormatConfirm(args));
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ServiceOutsideMesh, location, properties, args));
        }

        private static void AnalyzeMesh(SymbolStartAnalysisContext context, INamedTypeSymbol intentionBuilder)
        {
            var mesh = (INamedTypeSymbol)context.Symbol;
            if (!MeshParser.IsMesh(mesh))
            {
                return;
            }

            var calls = new ConcurrentQueue<IntentionCall>();
            context.RegisterOperationAction(
                operationContext =>
                {
                    var invocation = (IInvocationOperation)operationContext.Operation;
                    var method = invocation.TargetMethod;
                    if (SymbolEqualityComparer.Default.Equals(method.ContainingType?.OriginalDefinition, intentionBuilder)
                        && IntentionCall.From(invocation) is { } call)
                    {
                        calls.Enqueue(call);
                    }
                },
                OperationKind.Invocation);
            context.RegisterSymbolEndAction(end =>
                Checks.DeclarationChecks.Run(new Checks.DeclaredMesh(mesh, calls, end.ReportDiagnostic, end.CancellationToken)));
        }
    }
}
