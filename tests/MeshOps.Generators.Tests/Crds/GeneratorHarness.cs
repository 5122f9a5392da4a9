using System.Collections.Immutable;
using MeshOps.Generators.Crds;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace MeshOps.Generators.Tests.Crds;

/// <summary>Runs <see cref="CrdGenerator"/> through the real compiler (<see cref="CSharpGeneratorDriver"/>).</summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    /// <summary>The runtime, KubernetesClient and MeshOps: what a project using the SDK compiles against.</summary>
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Append(typeof(k8s.Models.V1ObjectMeta).Assembly.Location)
            .Append(typeof(MeshOps.Consul.IMeshResource).Assembly.Location)
            .Distinct(StringComparer.Ordinal)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray());

    public static CSharpCompilation Compilation(params string[] sources) =>
        CSharpCompilation.Create(
            "MeshOps.Generated.Tests",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: $"Source{i}.cs")),
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, warningLevel: 9999));

    public static GeneratorDriver Driver(IEnumerable<AdditionalText> files, Dictionary<string, string> globalOptions, Dictionary<string, Dictionary<string, string>>? fileOptions = null) =>
        CSharpGeneratorDriver.Create(
            [new CrdGenerator().AsSourceGenerator()],
            files,
            ParseOptions,
            new TestOptionsProvider(globalOptions, fileOptions ?? []),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>A driver that sees <paramref name="crdPaths"/> as <c>&lt;AdditionalFiles MeshOpsKind="Crd" /&gt;</c>.</summary>
    public static GeneratorDriver UserCrdDriver(IEnumerable<(string Path, string Text)> crds, string rootNamespace = "Shop.Infra", bool builtIn = false) =>
        UserCrdDriver(crds.Select(c => (AdditionalText)new InMemoryAdditionalText(c.Path, c.Text)).ToList(), rootNamespace, builtIn);

    public static GeneratorDriver UserCrdDriver(IReadOnlyList<AdditionalText> files, string rootNamespace = "Shop.Infra", bool builtIn = false)
    {
        var global = new Dictionary<string, string> { ["build_property.RootNamespace"] = rootNamespace };
        if (builtIn)
            global["build_property.MeshOpsEmitBuiltInKinds"] = "true";
        var perFile = files.ToDictionary(f => f.Path, _ => new Dictionary<string, string> { ["build_metadata.AdditionalFiles.MeshOpsKind"] = "Crd" });
        return Driver(files, global, perFile);
    }

    public static GeneratorDriver BuiltInDriver() =>
        Driver([], new Dictionary<string, string> { ["build_property.MeshOpsEmitBuiltInKinds"] = "true" });

    /// <summary>Errors and warnings of the compilation with the generated code in it.</summary>
    public static IReadOnlyList<Diagnostic> CompileProblems(Compilation output) =>
        output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();

    public static string Describe(IEnumerable<Diagnostic> diagnostics) =>
        string.Join(Environment.NewLine, diagnostics.Select(d => d.ToString()));

    internal sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    private sealed class TestOptionsProvider(Dictionary<string, string> global, Dictionary<string, Dictionary<string, string>> perFile) : AnalyzerConfigOptionsProvider
    {
        private static readonly TestOptions Empty = new([]);

        public override AnalyzerConfigOptions GlobalOptions { get; } = new TestOptions(global);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
            perFile.TryGetValue(textFile.Path, out var options) ? new TestOptions(options) : Empty;
    }

    private sealed class TestOptions(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
    }
}
