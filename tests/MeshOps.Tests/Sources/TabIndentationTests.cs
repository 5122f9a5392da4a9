using MeshOps.Sources;
using MeshOps.Sources.Files;

namespace MeshOps.Tests.Sources;

/// <summary>YAML forbids tabs in indentation (YAML 1.2, 6.1); the error must point at the tab, not at the file start (issue 10).</summary>
public class TabIndentationTests
{
    [Theory]
    [InlineData("apiVersion: v1\nkind: ConfigMap\ndata:\n\tkey: value\n", 4, 1)]
    [InlineData("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  labels:\n  \ta: b\n", 6, 3)]
    [InlineData("apiVersion: v1\nkind: Service\nmetadata:\n  name: good\n---\napiVersion: v1\nkind: ConfigMap\ndata:\n\tkey: value\n", 9, 1)]
    public void A_tab_in_indentation_is_reported_at_its_line_and_column(string yaml, int line, int column)
    {
        var error = Assert.Single(ManifestLoader.LoadText(yaml, "tabs.yaml").Errors);

        Assert.Equal(LoadErrorIds.YamlSyntax, error.ErrorId);
        Assert.Equal((line, column), (error.Location.Line, error.Location.Column));
        Assert.Contains("tab", error.Message, StringComparison.OrdinalIgnoreCase);
    }
}
