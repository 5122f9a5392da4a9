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

    // System.Text.Json's default JsonSerializerOptions.MaxDepth: JSON nested deeper is refused however it is read.
    private const int SerializerMaxDepth = 64;

    private int deepest;
    private bool measuring;
    private bool hasLoneSurrogates;

    public void Write(Utf8JsonWriter writer, ParsedNode root)
    {
        nodeCount = 0;
        charCount = 0;
        WriteNode(writer, root, 0);
    }

    /// <summary>
    /// Applies the same bounds as <see cref="Write"/> (throwing the same errors) without writing, for a reader that
    /// reads the tree itself. False when the JSON would hold what only System.Text.Json should judge: nesting near its
    /// depth limit, or a lone surrogate character (which UTF-8, and so the JSON, cannot hold).
    /// </summary>
    public bool Measure(ParsedNode root)
    {
        nodeCount = 0;
        charCount = 0;
        deepest = 0;
        hasLoneSurrogates = false;
        measuring = true;
        try
        {
            WriteNode(null, root, 0);
        }
        finally
        {
            measuring = false;
        }

        return deepest < SerializerMaxDepth - 2 && !hasLoneSurrogates;
    }

    private void WriteNode(Utf8JsonWriter? writer, ParsedNode node, int depth)
    {
        if (++nodeCount > maxNodes)
            throw new RejectedDocumentException(LoadErrorIds.TooManyNodes, node.Line, node.Column,
                $"The document expands to more than {maxNodes} nodes once aliases are followed (LoaderOptions.MaxNodesPerDocument); is it an alias bomb?");
        switch (node)
        {
            case ParsedScalar scalar:
                CountChars(scalar.Value, node);
                if (writer is not null)
                    WriteScalar(writer, scalar);
                break;
            case ParsedSequence sequence:
                EnsureDepth(node, depth);
                writer?.WriteStartArray();
                foreach (var item in sequence.Items)
                    WriteNode(writer, item, depth + 1);
                writer?.WriteEndArray();
                break;
            case ParsedMapping mapping:
                EnsureDepth(node, depth);
                writer?.WriteStartObject();
                foreach (var entry in mapping.Entries)
                {
                    CountChars(entry.Key, node);
                    writer?.WritePropertyName(entry.Key);
                    WriteNode(writer, entry.Value, depth + 1);
                }
                writer?.WriteEndObject();
                break;
        }
    }

    /// <summary>What JSON value a scalar is written as; the number for <see cref="JsonScalarKind.Integer"/> and <see cref="JsonScalarKind.Number"/>.</summary>
    public static JsonScalarKind KindOf(ParsedScalar scalar, out long integer, out double number)
    {
        integer = 0;
        number = 0;
        return scalar.Type switch
        {
            ScalarType.Null => JsonScalarKind.Null,
            ScalarType.Bool => JsonScalarKind.Boolean,
            ScalarType.Integer when ScalarTypeResolver.TryParseInteger(scalar.Value, out integer) => JsonScalarKind.Integer,
            // JSON has no infinity or NaN; as strings they fail on numeric fields, which is the truth.
            ScalarType.Float when ScalarTypeResolver.TryParseFloat(scalar.Value, out number) && double.IsFinite(number) => JsonScalarKind.Number,
            _ => JsonScalarKind.String,
        };
    }

    private static void WriteScalar(Utf8JsonWriter writer, ParsedScalar scalar)
    {
        switch (KindOf(scalar, out var integer, out var number))
        {
            case JsonScalarKind.Null:
                writer.WriteNullValue();
                break;
            case JsonScalarKind.Boolean:
                writer.WriteBooleanValue(ScalarTypeResolver.ParseBool(scalar.Value));
                break;
            case JsonScalarKind.Integer:
                writer.WriteNumberValue(integer);
                break;
            case JsonScalarKind.Number:
                writer.WriteNumberValue(number);
                break;
            default:
                writer.WriteStringValue(scalar.Value);
                break;
        }
    }

    private void CountChars(string text, ParsedNode at)
    {
        charCount += text.Length;
        if (measuring && !hasLoneSurrogates && text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') >= 0)
            hasLoneSurrogates = HasLoneSurrogate(text);
        if (charCount > maxChars)
            throw new RejectedDocumentException(LoadErrorIds.TooManyNodes, at.Line, at.Column,
                $"The document expands to more than {maxChars} characters of keys and values once aliases are followed (LoaderOptions.MaxExpandedCharsPerDocument); is it an alias bomb?");
    }

    // An emoji is a pair and round-trips through JSON; only a high surrogate without its low one (or the reverse) does not.
    private static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                i++;
            else if (char.IsSurrogate(text[i]))
                return true;
        }

        return false;
    }

    private void EnsureDepth(ParsedNode node, int depth)
    {
        deepest = Math.Max(deepest, depth + 1);
        if (depth >= maxDepth)
            throw new RejectedDocumentException(LoadErrorIds.NestingTooDeep, node.Line, node.Column,
                $"The document nests deeper than {maxDepth} levels once aliases are followed.");
    }
}
