using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using k8s;
using MeshOps.Sources;

namespace MeshOps.Authoring;

/// <summary>
/// Writes objects as multi-document YAML: each object goes through the Kubernetes client's JSON serialiser (so
/// KubernetesClient models keep their wire shape and nulls are omitted), then the JSON tree is written as block YAML.
/// Property order is the serialiser's, so the output is deterministic.
/// </summary>
public static partial class ManifestYamlWriter
{
    private const int IndentStep = 2;

    /// <summary>The objects as YAML documents separated by <c>---</c>, with "\n" line ends.</summary>
    public static string Write(IEnumerable<object> objects)
    {
        ArgumentNullException.ThrowIfNull(objects);
        var builder = new StringBuilder();
        var first = true;
        foreach (var item in objects)
        {
            if (!first)
            {
                builder.Append("---\n");
            }

            first = false;
            var node = JsonNode.Parse(KindRegistry.Serialize(item))
                ?? throw new ArgumentException("An object serialised to JSON null.", nameof(objects));
            WriteValue(builder, node, 0, string.Empty);
        }

        return builder.ToString();
    }

    // Writes a value whose first line starts with linePrefix (either "" at the start of a line or "- " after an
    // indent); continuation lines are indented by indent.
    private static void WriteValue(StringBuilder builder, JsonNode node, int indent, string linePrefix)
    {
        switch (node)
        {
            case JsonObject obj when obj.Count > 0:
                var firstProperty = true;
                foreach (var (key, value) in obj)
                {
                    if (value is null)
                    {
                        continue;
                    }

                    builder.Append(firstProperty ? linePrefix : new string(' ', indent)).Append(Scalar(key)).Append(':');
                    firstProperty = false;
                    WriteNested(builder, value, indent);
                }

                break;
            case JsonArray array when array.Count > 0:
                foreach (var item in array)
                {
                    builder.Append(new string(' ', indent));
                    if (item is JsonObject { Count: > 0 } or JsonArray { Count: > 0 })
                    {
                        WriteValue(builder, item, indent + IndentStep, "- ");
                    }
                    else
                    {
                        builder.Append("- ").Append(Inline(item)).Append('\n');
                    }
                }

                break;
            default:
                builder.Append(linePrefix).Append(Inline(node)).Append('\n');
                break;
        }
    }

    private static void WriteNested(StringBuilder builder, JsonNode value, int indent)
    {
        switch (value)
        {
            case JsonObject { Count: > 0 }:
                builder.Append('\n');
                WriteValue(builder, value, indent + IndentStep, new string(' ', indent + IndentStep));
                break;
            case JsonArray { Count: > 0 }:
                builder.Append('\n');
                WriteValue(builder, value, indent + IndentStep, string.Empty);
                break;
            default:
                builder.Append(' ').Append(Inline(value)).Append('\n');
                break;
        }
    }

    private static string Inline(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "{}",
        JsonArray => "[]",
        JsonValue value when value.GetValueKind() == JsonValueKind.String => Scalar(value.GetValue<string>()),
        JsonValue value when value.GetValueKind() == JsonValueKind.True => "true",
        JsonValue value when value.GetValueKind() == JsonValueKind.False => "false",
        JsonValue value when value.GetValueKind() == JsonValueKind.Number => value.ToJsonString(),
        _ => "null",
    };

    // A string stays plain only when no YAML 1.1 or 1.2 reader could take it for anything but that string;
    // everything else is double-quoted with JSON escapes, which YAML reads the same way.
    private static string Scalar(string text) =>
        PlainScalar().IsMatch(text) && !ReservedWord().IsMatch(text)
            ? text
            : JsonSerializer.Serialize(text, QuotingOptions);

    private static readonly JsonSerializerOptions QuotingOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    [GeneratedRegex("^[A-Za-z/][A-Za-z0-9._/@-]*(:[A-Za-z0-9._/@-]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainScalar();

    [GeneratedRegex("^(y|n|yes|no|on|off|true|false|null)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ReservedWord();

}
