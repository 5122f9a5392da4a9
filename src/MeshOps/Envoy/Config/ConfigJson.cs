using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using MeshOps.Secrets;

namespace MeshOps.Envoy.Config;

/// <summary>
/// Reading proto3 JSON as Envoy's admin prints it: fields holding default values are omitted, 64-bit numbers may be
/// strings, <c>Duration</c> is <c>"5s"</c>, <c>Any</c> carries its <c>@type</c>. Envoy prints field names as in the
/// proto (snake_case); a dump re-serialised by protojson (<c>consul troubleshoot</c> golden files) uses camelCase,
/// so both are read.
/// </summary>
internal static class ConfigJson
{
    public const string AdminTypePrefix = "type.googleapis.com/envoy.admin.v3.";

    public static JsonNode? Get(JsonNode? node, string snakeName)
    {
        if (node is not JsonObject obj)
        {
            return null;
        }

        if (obj.TryGetPropertyValue(snakeName, out var value))
        {
            return value;
        }

        return snakeName.Contains('_', StringComparison.Ordinal) && obj.TryGetPropertyValue(CamelCase(snakeName), out var camel) ? camel : null;
    }

    public static JsonNode? Path(JsonNode? node, params string[] names)
    {
        foreach (var name in names)
        {
            node = Get(node, name);
        }

        return node;
    }

    /// <summary>A string field as output text: credentials masked, control characters escaped.</summary>
    public static string? String(JsonNode? node, string name) => Text(Get(node, name));

    public static string? Text(JsonNode? node) => node is JsonValue value && value.GetValueKind() == JsonValueKind.String
        ? OutputText.Clean(value.GetValue<string>())
        : node is JsonValue other && other.GetValueKind() is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False
            ? other.ToJsonString()
            : null;

    /// <summary>An unsigned number written as a JSON number or (64-bit) a string; null when absent or not a number.</summary>
    public static ulong? UInt(JsonNode? node, string name) => UInt(Get(node, name));

    public static ulong? UInt(JsonNode? node)
    {
        if (node is not JsonValue value)
        {
            return null;
        }

        return value.GetValueKind() switch
        {
            JsonValueKind.Number when value.TryGetValue<ulong>(out var n) => n,
            JsonValueKind.String when ulong.TryParse(value.GetValue<string>(), NumberStyles.None, CultureInfo.InvariantCulture, out var s) => s,
            _ => null,
        };
    }

    public static bool Bool(JsonNode? node, string name) =>
        Get(node, name) is JsonValue value && value.GetValueKind() == JsonValueKind.True;

    public static IEnumerable<JsonNode> Array(JsonNode? node, string name) =>
        Get(node, name) is JsonArray array ? array.OfType<JsonNode>() : [];

    public static IReadOnlyList<string> Strings(JsonNode? node, string name) =>
        Array(node, name).Select(Text).OfType<string>().ToList();

    /// <summary>A proto3 <c>Duration</c> (<c>"5s"</c>, <c>"0.250s"</c>).</summary>
    public static TimeSpan? Duration(JsonNode? node, string name)
    {
        var text = Get(node, name) is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
        if (text is null || !text.EndsWith('s')
            || !decimal.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seconds))
        {
            return null;
        }

        return TimeSpan.FromTicks((long)(seconds * TimeSpan.TicksPerSecond));
    }

    /// <summary>A proto3 <c>Timestamp</c> (RFC 3339).</summary>
    public static DateTimeOffset? Timestamp(JsonNode? node, string name) =>
        Get(node, name) is JsonValue value && value.GetValueKind() == JsonValueKind.String
        && DateTimeOffset.TryParse(value.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : null;

    /// <summary>The <c>@type</c> of an <c>Any</c>, or null.</summary>
    public static string? TypeUrl(JsonNode? node) =>
        Get(node, "@type") is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    /// <summary>The message name after the last <c>/</c> or <c>.</c> of a type URL that ends a known way.</summary>
    public static bool TypeEndsWith(JsonNode? node, string suffix) =>
        TypeUrl(node)?.EndsWith(suffix, StringComparison.Ordinal) == true;

    private static string CamelCase(string snake)
    {
        var parts = snake.Split('_');
        return parts[0] + string.Concat(parts.Skip(1).Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..]));
    }
}
