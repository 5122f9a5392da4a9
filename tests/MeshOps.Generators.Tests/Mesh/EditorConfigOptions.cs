using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MeshOps.Generators.Tests.Mesh;

/// <summary>
/// Feeds severities from a real .editorconfig or .globalconfig, parsed by Roslyn's own AnalyzerConfigSet, into a
/// compilation, the way the compiler does for <c>dotnet build</c>.
/// </summary>
internal sealed class EditorConfigOptions(AnalyzerConfigSet set) : SyntaxTreeOptionsProvider
{
    public static EditorConfigOptions Parse(string text, string path) =>
        new(AnalyzerConfigSet.Create(System.Collections.Immutable.ImmutableArray.Create(AnalyzerConfig.Parse(text, path))));

    public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) => GeneratedKind.Unknown;

    public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity) =>
        set.GetOptionsForSourcePath(tree.FilePath).TreeOptions.TryGetValue(diagnosticId, out severity);

    public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity) =>
        set.GlobalConfigOptions.TreeOptions.TryGetValue(diagnosticId, out severity);
}
