using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MeshOps.Authoring.Compare;

/// <summary>
/// Compares two JSON trees field by field (a resource's <c>spec</c>, or a config entry as Consul returns it), so a
/// desired object can be checked against what a cluster or Consul holds. A field that is missing, null, an empty list,
/// an empty object, false, 0 or "" is "not set" on both sides alike: consul-k8s turns a CRD into Consul's Go structs
/// (ToConsul), where each of those is the field's zero value, and compares those (MatchesConsul), so a manifest that
/// leaves a field out and a server that writes it back as <c>[]</c> or <c>false</c> say the same thing. Numbers
/// compare by value; strings ordinally. List items are paired by their name (<c>name</c> or Consul's <c>Name</c>)
/// when every item has a unique one, else by index. <see cref="SpecCompareOptions"/> says how to read a server's
/// answer that adds fields of its own.
/// </summary>
public static class SpecComparer
{
    /// <summary>Every field that differs, in document order; empty when the trees say the same thing.</summary>
    /// <param name="root">The path the trees sit at, used as the prefix of every difference (<c>spec</c>).</param>
    /// <param name="options">How to read the trees; <see cref="SpecCompareOptions.Default"/> when null.</param>
    public static IReadOnlyList<FieldDifference> Compare(JsonNode? desired, JsonNode? current, string root = "spec", SpecCompareOptions? options = null) =>
        [.. CompareValues(desired, current, root, options).Select(d => d.Difference)];

    /// <summary>As <see cref="Compare"/>, with each side's value as compact JSON (a string quoted, so "5" and 5 read apart), null where not set.</summary>
    internal static IReadOnlyList<(FieldDifference Difference, string? DesiredJson, string? CurrentJson)> CompareValues(
        JsonNode? desired, JsonNode? current, string root = "spec", SpecCompareOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(root);
        var walk = new Walker(options ?? SpecCompareOptions.Default);
        walk.Node(desired, current, root);
        return walk.Differences;
    }

    private sealed class Walker(SpecCompareOptions options)
    {
        private readonly List<object> _segments = [];

        public List<(FieldDifference Difference, string? DesiredJson, string? CurrentJson)> Differences { get; } = [];

        public void Node(JsonNode? desired, JsonNode? current, string path)
        {
            if (options.SkipField?.Invoke(_segments) == true || (IsUnset(desired) && IsUnset(current)))
            {
                return;
            }

            switch (desired, current)
            {
                case (JsonObject d, JsonObject c):
                    var keys = options.DesiredFieldsOnly ? d.Select(p => p.Key) : d.Select(p => p.Key).Concat(c.Select(p => p.Key)).Distinct(StringComparer.Ordinal);
                    foreach (var key in keys)
                    {
                        _segments.Add(key);
                        Node(d[key], c[key], Join(path, key));
                        _segments.RemoveAt(_segments.Count - 1);
                    }

                    return;
                case (JsonArray d, JsonArray c):
                    Array(d, c, path);
                    return;
                case (JsonObject d, _) when IsUnset(current):
                    // Each field of an object only one side sets is a difference of its own, so the paths name fields.
                    Node(d, new JsonObject(), path);
                    return;
                case (_, JsonObject c) when IsUnset(desired):
                    Node(new JsonObject(), c, path);
                    return;
                case (JsonArray d, _) when IsUnset(current):
                    Array(d, [], path);
                    return;
                case (_, JsonArray c) when IsUnset(desired):
                    Array([], c, path);
                    return;
                default:
                    if (!ScalarEquals(desired, current))
                    {
                        Add(path, desired, current);
                    }

                    return;
            }
        }

        private void Array(JsonArray desired, JsonArray current, string path)
        {
            if (Keys(desired) is { } desiredKeys && Keys(current) is { } currentKeys)
            {
                // Items matched by name: a source added in the middle of a list is one difference, not one per item after it.
                var keys = options.DesiredFieldsOnly ? desiredKeys.Keys : desiredKeys.Keys.Concat(currentKeys.Keys).Distinct(StringComparer.Ordinal);
                foreach (var key in keys)
                {
                    var at = desiredKeys.TryGetValue(key, out var d) ? d : -1;
                    _segments.Add(at);
                    Item(at >= 0 ? desired[at] : null, currentKeys.TryGetValue(key, out var c) ? current[c] : null, $"{path}[{key}]");
                    _segments.RemoveAt(_segments.Count - 1);
                }

                return;
            }

            for (var i = 0; i < Math.Max(desired.Count, current.Count); i++)
            {
                _segments.Add(i);
                Item(i < desired.Count ? desired[i] : null, i < current.Count ? current[i] : null, $"{path}[{i.ToString(CultureInfo.InvariantCulture)}]");
                _segments.RemoveAt(_segments.Count - 1);
            }
        }

        // An item only one side has is one difference holding the whole item: "this source is missing", not its fields.
        private void Item(JsonNode? desired, JsonNode? current, string path)
        {
            if (IsUnset(desired) != IsUnset(current))
            {
                Add(path, desired, current);
                return;
            }

            Node(desired, current, path);
        }

        private void Add(string path, JsonNode? desired, JsonNode? current) =>
            Differences.Add((new FieldDifference(path, Text(desired), Text(current)) { DesiredSegments = [.. _segments] }, Json(desired), Json(current)));

        // The index of each item by its name (with its namespace, partition and peer when set, as Consul tells sources
        // apart), or null when an item has no name or a name is there twice.
        private Dictionary<string, int>? Keys(JsonArray array)
        {
            var keys = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < array.Count; i++)
            {
                if (array[i] is not JsonObject item || Name(item, "name") is not { Length: > 0 } name)
                {
                    return null;
                }

                var qualifiers = new[] { "namespace", "partition", "peer" }
                    .Select(q => Name(item, q) is { } value && options.ItemQualifier is { } normalise ? normalise(q, value) : Name(item, q))
                    .Where(q => !string.IsNullOrEmpty(q));
                if (!keys.TryAdd(string.Join("/", qualifiers.Prepend(name)), i))
                {
                    return null;
                }
            }

            return keys;
        }
    }
    // Either spelling: a CRD's spec says name, Consul's API Name.
    private static string? Name(JsonObject item, string field) =>
        item.FirstOrDefault(p => string.Equals(p.Key, field, StringComparison.OrdinalIgnoreCase)).Value is JsonValue value && value.GetValueKind() == JsonValueKind.String
            ? value.GetValue<string>()
            : null;

    private static bool IsUnset(JsonNode? node) => node switch
    {
        null => true,
        JsonArray array => array.All(IsUnset),
        JsonObject obj => obj.All(p => IsUnset(p.Value)),
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.Null or JsonValueKind.False => true,
            JsonValueKind.String => value.GetValue<string>().Length == 0,
            JsonValueKind.Number => decimal.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number == 0,
            _ => false,
        },
        _ => false,
    };

    private static bool ScalarEquals(JsonNode? desired, JsonNode? current)
    {
        if (desired is JsonValue d && current is JsonValue c
            && d.GetValueKind() == JsonValueKind.Number && c.GetValueKind() == JsonValueKind.Number
            && decimal.TryParse(d.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var dn)
            && decimal.TryParse(c.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var cn))
        {
            return dn == cn;
        }

        return JsonNode.DeepEquals(desired, current);
    }

    // A zero scalar is shown as written (false, 0): it equals "not set", but the user wrote it.
    private static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.Null => null,
        JsonObject or JsonArray when IsUnset(node) => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        _ => node!.ToJsonString(),
    };

    private static string? Json(JsonNode? node) => IsUnset(node) && node is not JsonValue ? null : node?.ToJsonString();

    private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";
}
