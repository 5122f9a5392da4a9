using MeshOps.Generators;
using Microsoft.CodeAnalysis;

namespace MeshOps.Generators.Tests.Crds;

/// <summary>A CRD the generator cannot read is a diagnostic naming the file and line, never an exception.</summary>
public sealed class DiagnosticTests
{
    private const string Header = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: things.example.com
        spec:
          group: example.com
          names:
            kind: Thing
          versions:
          - name: v1
            served: true
            storage: true
            schema:
              openAPIV3Schema:
                type: object
                properties:
                  spec:
                    type: object
                    properties:

        """;

    [Theory]
    [InlineData("              size:\n                type: integer\n             colour:\n                type: string\n", 22, "indentation")]
    [InlineData("              size:\n                type: strnig\n", 21, "strnig")]
    [InlineData("              size:\n                type: integer\n                description: \"never closed\n", 22, "Unterminated")]
    [InlineData("              size:\n                type: array\n", 21, "items")]
    [InlineData("              size: &anchor\n                type: integer\n", 20, "Anchors")]
    public void Malformed_crd_is_reported_with_file_and_line(string properties, int line, string messagePart)
    {
        const string path = "/src/shop/crds/things.yaml";
        var driver = GeneratorHarness.UserCrdDriver([(path, Header + properties)]);

        var result = driver.RunGenerators(GeneratorHarness.Compilation()).GetRunResult();

        Assert.Null(result.Results.Single().Exception);
        Assert.Empty(result.GeneratedTrees);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticDescriptors.UnreadableCrdId, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(path, span.Path);
        Assert.Equal(line, span.StartLinePosition.Line + 1);
        Assert.Contains(messagePart, diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains(path, diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_without_a_crd_is_a_warning_and_other_files_still_generate()
    {
        var good = CrdTestPaths.Here("TestData", "widgets.example.com.yaml");
        var driver = GeneratorHarness.UserCrdDriver([("/src/shop/crds/deployment.yaml", "apiVersion: apps/v1\nkind: Deployment\n"), (good, File.ReadAllText(good))]);

        var result = driver.RunGenerators(GeneratorHarness.Compilation()).GetRunResult();

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticDescriptors.NoCrdInFileId, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal(2, result.GeneratedTrees.Length);
    }

    [Fact]
    public void The_same_kind_in_two_files_is_generated_once_and_reported()
    {
        var good = CrdTestPaths.Here("TestData", "widgets.example.com.yaml");
        var text = File.ReadAllText(good);
        var driver = GeneratorHarness.UserCrdDriver([("/a/widgets.yaml", text), ("/b/widgets.yaml", text)]);

        var result = driver.RunGenerators(GeneratorHarness.Compilation()).GetRunResult();

        Assert.Equal(2, result.GeneratedTrees.Length);
        Assert.Equal(2, result.Diagnostics.Count(d => d.Id == DiagnosticDescriptors.DuplicateKindId && d.Location.GetLineSpan().Path == "/b/widgets.yaml"));
    }

    [Fact]
    public void Files_without_the_crd_metadata_are_ignored()
    {
        var good = CrdTestPaths.Here("TestData", "widgets.example.com.yaml");
        var driver = GeneratorHarness.Driver([new PlainText(good, File.ReadAllText(good))], new Dictionary<string, string>());

        var result = driver.RunGenerators(GeneratorHarness.Compilation()).GetRunResult();

        Assert.Empty(result.GeneratedTrees);
        Assert.Empty(result.Diagnostics);
    }

    private sealed class PlainText(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override Microsoft.CodeAnalysis.Text.SourceText GetText(CancellationToken cancellationToken = default) =>
            Microsoft.CodeAnalysis.Text.SourceText.From(text);
    }
}
