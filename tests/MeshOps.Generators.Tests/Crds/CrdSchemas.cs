using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace MeshOps.Generators.Tests.Crds;

/// <summary>Reads a real CRD's <c>openAPIV3Schema</c> (storage version) as JSON, with YamlDotNet, for validation and coverage.</summary>
internal static class CrdSchemas
{
    public static JsonObject OpenApiSchema(string plural)
    {
        var stream = new YamlStream();
        using (var reader = new StringReader(File.ReadAllText(CrdTestPaths.ConsulCrd(plural))))
            stream.Load(reader);
        var crd = (JsonObject)ToJson(stream.Documents[0].RootNode)!;
        var versions = crd["spec"]!["versions"]!.AsArray();
        var version = versions.FirstOrDefault(v => v!["storage"]?.GetValue<bool>() == true) ?? versions[0]!;
        return version!["schema"]!["openAPIV3Schema"]!.AsObject();
    }

    /// <summary>
    /// The schema as JSON Schema for validation. Every object with properties and no additionalProperties is closed
    /// (additionalProperties: false): the API server prunes unknown fields silently, so a misspelt field name would
    /// otherwise pass here and vanish in the cluster.
    /// </summary>
    public static JsonObject Closed(JsonObject schema)
    {
        var copy = (JsonObject)schema.DeepClone();
        Close(copy);
        return copy;
    }

    private static void Close(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                // Kubernetes' own keywords mean nothing to a JSON Schema validator, which refuses unknown keywords.
                var openObject = obj["x-kubernetes-preserve-unknown-fields"]?.GetValue<bool>() == true;
                foreach (var key in obj.Select(p => p.Key).Where(k => k.StartsWith("x-kubernetes-", StringComparison.Ordinal)).ToList())
                    obj.Remove(key);
                if (obj["properties"] is JsonObject && !obj.ContainsKey("additionalProperties") && !openObject)
                    obj["additionalProperties"] = false;
                foreach (var (_, child) in obj.ToList())
                    Close(child);
                break;
            case JsonArray array:
                foreach (var child in array)
                    Close(child);
                break;
        }
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JsonObject(mapping.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value!, ToJson(c.Value)))),
        YamlSequenceNode sequence => new JsonArray(sequence.Children.Select(ToJson).ToArray()),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new InvalidOperationException($"Unexpected YAML node {node.NodeType}."),
    };

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? string.Empty;
        if (scalar.Style is not YamlDotNet.Core.ScalarStyle.Plain)
            return JsonValue.Create(value);
        if (value is "true" or "false")
            return JsonValue.Create(value == "true");
        if (value is "null" or "~" or "")
            return null;
        if (long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var integer))
            return JsonValue.Create(integer);
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            return JsonValue.Create(number);
        return JsonValue.Create(value);
    }
}
