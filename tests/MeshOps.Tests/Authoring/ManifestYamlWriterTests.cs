using k8s.Models;
using MeshOps.Authoring;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MeshOps.Tests.Authoring;

public class ManifestYamlWriterTests
{
    // YAML 1.1 and 1.2 core-schema booleans, nulls and numbers (and the empty scalar, which is null).
    private static readonly System.Text.RegularExpressions.Regex ReadAsNonString = new(
        "^(true|false|yes|no|on|off|y|n|null|~|[-+]?[0-9][0-9_.xXa-fA-FeE+-]*)?$",
        System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    public static TheoryData<string> TrickyStrings => new()
    {
        "true", "No", "null", "~", "*", "123", "1.10", "0x1F", "1e3", "", " lead", "trail ", "a: b", "a #b", "#x",
        "- item", "[x]", "{x}", "line1\nline2", "tab\there", "it's \"quoted\"", "é ü", "@at", "key:", "http://h:80/p",
    };

    [Theory]
    [MemberData(nameof(TrickyStrings))]
    public void Strings_read_back_as_the_same_strings(string value)
    {
        var map = new V1ConfigMap { ApiVersion = "v1", Kind = "ConfigMap", Metadata = new V1ObjectMeta { Name = "m" }, Data = new Dictionary<string, string> { [value.Length == 0 ? "empty" : value] = value } };

        var yaml = ManifestYamlWriter.Write([map]);

        var root = Load(yaml).Single();
        var data = (YamlMappingNode)root.Children[new YamlScalarNode("data")];
        var (key, read) = Assert.Single(data.Children);
        Assert.Equal(value.Length == 0 ? "empty" : value, ((YamlScalarNode)key).Value);
        Assert.Equal(value, ((YamlScalarNode)read).Value);
        if (ReadAsNonString.IsMatch(value))
        {
            // A plain scalar here would come back as a bool, null or number from a schema-aware reader (kubectl).
            Assert.NotEqual(ScalarStyle.Plain, ((YamlScalarNode)read).Style);
        }
    }

    [Fact]
    public void Documents_are_separated_and_numbers_and_booleans_stay_typed()
    {
        var account = new V1ServiceAccount { ApiVersion = "v1", Kind = "ServiceAccount", Metadata = new V1ObjectMeta { Name = "a" }, AutomountServiceAccountToken = false };
        var service = new V1Service { ApiVersion = "v1", Kind = "Service", Metadata = new V1ObjectMeta { Name = "s" }, Spec = new V1ServiceSpec { Ports = [new V1ServicePort { Port = 80, TargetPort = "http" }] } };

        var yaml = ManifestYamlWriter.Write([account, service]);

        var documents = Load(yaml);
        Assert.Equal(2, documents.Count);
        var token = (YamlScalarNode)documents[0].Children[new YamlScalarNode("automountServiceAccountToken")];
        Assert.Equal(("false", ScalarStyle.Plain), (token.Value, token.Style));
        Assert.Contains("    - port: 80\n      targetPort: http\n", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("null", yaml, StringComparison.Ordinal);
    }

    private static List<YamlMappingNode> Load(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents.Select(d => (YamlMappingNode)d.RootNode).ToList();
    }
}
