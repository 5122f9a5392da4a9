using System;
using System.Collections.Generic;
using MeshOps.Generators.Crds.Models;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace MeshOps.Generators.Crds
{
    /// <summary>
    /// Pipeline wiring only. Two inputs: the built-in Consul kinds (when the project sets
    /// <c>MeshOpsEmitBuiltInKinds=true</c>, which only the SDK does) and every additional file whose
    /// <c>MeshOpsKind</c> metadata is <c>Crd</c>. Each kind becomes one <c>Namespace.Kind.g.cs</c>.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class CrdGenerator : IIncrementalGenerator
    {
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var builtIn = context.AnalyzerConfigOptionsProvider
                .Select(static (options, _) => options.GlobalOptions.TryGetValue(MsBuildNames.EmitBuiltInKinds, out var value)
                    && string.Equals(value, "true", StringComparison.OrdinalIgnoreCase))
                .WithTrackingName(TrackingNames.BuiltInOption)
                .Select(static (emit, _) => emit ? BuiltInKinds.Load() : EquatableArray<KindModel>.Empty)
                .WithTrackingName(TrackingNames.BuiltInKinds);
            context.RegisterSourceOutput(builtIn, static (output, kinds) =>
            {
                foreach (var kind in kinds)
                    output.AddSource(CrdEmitter.HintName(kind), CrdEmitter.Emit(kind));
            });

            var rootNamespace = context.AnalyzerConfigOptionsProvider
                .Select(static (options, _) => options.GlobalOptions.TryGetValue(MsBuildNames.RootNamespace, out var value) ? value : string.Empty)
                .WithTrackingName(TrackingNames.CrdNamespace);

            var files = context.AdditionalTextsProvider
                .Combine(context.AnalyzerConfigOptionsProvider)
                .Select(static (pair, cancellationToken) =>
                {
                    var options = pair.Right.GetOptions(pair.Left);
                    if (!options.TryGetValue(MsBuildNames.KindMetadata, out var kind) || !string.Equals(kind, "Crd", StringComparison.OrdinalIgnoreCase))
                        return null;
                    var text = pair.Left.GetText(cancellationToken)?.ToString() ?? string.Empty;
                    var @namespace = options.TryGetValue(MsBuildNames.NamespaceMetadata, out var value) && value.Trim().Length > 0 ? value.Trim() : null;
                    return new CrdFileInput(pair.Left.Path, text, @namespace);
                })
                .Where(static file => file is not null)
                .WithTrackingName(TrackingNames.CrdFiles);

            var models = files
                .Combine(rootNamespace)
                .Select(static (pair, cancellationToken) =>
                {
                    var file = pair.Left!;
                    var root = pair.Right;
                    return CrdReader.Read(file.Path, file.Text, group => file.Namespace ?? CrdNamespaces.For(root, group), cancellationToken);
                })
                .WithTrackingName(TrackingNames.CrdModels);

            // Diagnostics travel apart from the code, one per item, each with its file and line.
            var diagnostics = models.SelectMany(static (file, _) => file.Diagnostics).WithTrackingName(TrackingNames.CrdDiagnostics);
            context.RegisterSourceOutput(diagnostics, static (output, diagnostic) => Report(output, diagnostic));

            var all = models.Collect().WithTrackingName(TrackingNames.CrdKinds);
            context.RegisterSourceOutput(all, static (output, files) =>
            {
                var emitted = new HashSet<string>(StringComparer.Ordinal);
                foreach (var file in files)
                {
                    foreach (var kind in file.Kinds)
                    {
                        if (!emitted.Add(kind.FullName))
                        {
                            Report(output, new CrdDiagnosticInfo(DiagnosticDescriptors.DuplicateKindId, file.Path, 1, $"the kind {kind.FullName} is already generated from another CRD file"));
                            continue;
                        }

                        output.AddSource(CrdEmitter.HintName(kind), CrdEmitter.Emit(kind));
                    }
                }
            });
        }

        private static void Report(SourceProductionContext output, CrdDiagnosticInfo diagnostic)
        {
            var line = Math.Max(diagnostic.Line - 1, 0);
            var position = new LinePosition(line, 0);
            var location = Location.Create(diagnostic.Path, default(TextSpan), new LinePositionSpan(position, position));
            output.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.For(diagnostic.Id), location, diagnostic.Path, diagnostic.Line, diagnostic.Message));
        }
    }
}
