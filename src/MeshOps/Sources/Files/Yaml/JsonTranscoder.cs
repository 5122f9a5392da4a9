using System.Text.Json;

namespace MeshOps.Sources.Files.Yaml;

/// <summary>
/// Writes a parsed YAML tree as JSON so KubernetesClient's own converters (IntOrString, quantities,
/// dates) type it. This is where aliases get expanded, so it counts nodes and depth: an alias bomb
/// or a long alias chain stops with an error instead of eating memory or the stack. Nodes alone are not enough: a
/// 1 MB scalar behind four levels of ten aliases is few nodes but 10 GB of text (issue 10), so the characters of keys
/// and scalars are counted too.
/// </summary>
internal sealed class JsonTranscoder(int maxDepth, int maxNodes, long maxChars)
{
    private int nodeCount;
    private long charCount;

    public void Write(Utf8JsonWriter writer, ParsedNode root)
    {
        nodeCount = 0;
        charCount = 0;
        WriteNode(writer, root, 0);
    }

    private void WriteNode(Utf8JsonWriter writer, ParsedNode node, int depth)
    {
        if (++nodeCount > maxNodes)
            throw new RejectedDocumentException(LoadErrorIds.TooManyNodes, node.Line, node.Column,
                $"The document expands to more than {maxNodes} nodes once aliases are followed (LoaderOptions.MaxNodesPerDocument); is it an alias bomb?");
        switch (node)
        {
            case ParsedScalar scalar:
                CountChars(scalar.Value.Length, node);
                WriteScalar(writer, scalar);
                break;
            case ParsedSequence sequence:
                EnsureDepth(node, depth);
                writer.WriteStartArray();
                foreach (var item in sequence.Items)
                    WriteNode(writer, item, depth + 1);
                writer.WriteEndArray();
                break;
            case ParsedMapping mapping:
                EnsureDepth(node, depth);
                writer.WriteStartObject();
                foreach (var entry in mapping.Entries)
                {
                    CountChars(entry.Key.Length, node);
                    writer.WritePropertyName(entry.Key);
                    WriteNode(writer, entry.Value, depth + 1);
                }
                writer.WriteEndObject();
                break;
        }
    }

    private static void WriteScalar(Utf8JsonWriter writer, ParsedScalar scalar)
    {
        switch (scalar.Type)
        {
            case ScalarType.Null:
                writer.WriteNullValue();
                break;
            case ScalarType.Bool:
                writer.WriteBooleanValue(ScalarTypeResolver.ParseBool(scalar.Value));
                break;
            case ScalarType.Integer when ScalarTypeResolver.TryParseInteger(scalar.Value, out var integer):
                writer.WriteNumberValue(integer);
                break;
            // JSON has no infinity or NaN; as strings they fail on numeric fields, which is the truth.
            case ScalarType.Float when ScalarTypeResolver.TryParseFloat(scalar.Value, out var number) && double.IsFinite(number):
                writer.WriteNumberValue(number);
                break;
            default:
                writer.WriteStringValue(scalar.Value);
                break;
        }
    }

    private void CountChars(int added, ParsedNode at)
    {
        charCount += added;
        if (charCount > maxChars)
            throw new RejectedDocumentException(LoadErrorIds.TooManyNodes, at.Line, at.Column,
                $"The document expands to more than {maxChars} characters of keys and values once aliases are followed (LoaderOptions.MaxExpandedCharsPerDocument); is it an alias bomb?");
    }

    private void EnsureDepth(ParsedNode node, int depth)
    {
        if (depth >= maxDepth)
            throw new RejectedDocumentException(LoadErrorIds.NestingTooDeep, node.Line, node.Column,
                $"The document nests deeper than {maxDepth} levels once aliases are followed.");
    }
}
