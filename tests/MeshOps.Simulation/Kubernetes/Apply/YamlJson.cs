using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MeshOps.Simulation.Kubernetes.Api;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MeshOps.Simulation.Kubernetes.Apply;

/// <summary>
/// An apply body (<c>application/apply-patch+yaml</c>, which kubectl fills with JSON, itself YAML) read into JSON with
/// the YAML 1.2 core schema kube-apiserver's sigs.k8s.io/yaml uses: plain true/false, null, ~ and numbers are typed,
/// quoted scalars are strings.
/// </summary>
public static partial class YamlJson
{
    public static JsonObject ParseObject(string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw StatusException.BadRequest($"error decoding YAML: {e.Message}");
        }

        if (stream.Documents.Count == 0 || Convert(stream.Documents[0].RootNode) is not JsonObject obj)
            throw StatusException.BadRequest("error decoding YAML: the apply body is not an object");
        return obj;
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(p => KeyValuePair.Create(((YamlScalarNode)p.Key).Value ?? string.Empty, Convert(p.Value)))),
        YamlSequenceNode list => new JsonArray(list.Children.Select(Convert).ToArray()),
        YamlScalarNode scalar => Scalar(scalar),
        _ => null,
    };

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? string.Empty;
        if (scalar.Style is not (ScalarStyle.Plain or ScalarStyle.Any))
            return JsonValue.Create(text);
        if (text is "" or "~" or "null" or "Null" or "NULL")
            return null;
        if (text is "true" or "True" or "TRUE")
            return JsonValue.Create(true);
        if (text is "false" or "False" or "FALSE")
            return JsonValue.Create(false);
        // A number is kept as JSON text, so it reads back as any numeric type, as an object decoded from JSON does.
        if (IntegerPattern().IsMatch(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
            return JsonNode.Parse(integer.ToString(CultureInfo.InvariantCulture));
        if (FloatPattern().IsMatch(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
            return JsonNode.Parse(number.ToString("R", CultureInfo.InvariantCulture));
        return JsonValue.Create(text);
    }

    [GeneratedRegex(@"^[-+]?[0-9]+$")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();
}
