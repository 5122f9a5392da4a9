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
            });
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
                new MeshDeclarationChecks(mesh, calls, end.ReportDiagnostic, end.CancellationToken).Run());
        }
    }
}
