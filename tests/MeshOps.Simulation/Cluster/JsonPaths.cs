using System.Text.Json.Nodes;

namespace MeshOps.Simulation.Cluster;

/// <summary>Small reads and writes on API objects held as JSON.</summary>
internal static class JsonPaths
{
    public static string? Text(this JsonNode? node, params string[] path)
    {
        foreach (var key in path)
        {
            node = node is JsonObject obj ? obj[key] : null;
        }

        return node is JsonValue value && value.TryGetValue<string>(out var text) ? text : node is JsonValue other ? other.ToJsonString() : null;
    }

    /// <summary>A number however it was written into the node (YAML reads integers as long, code writes int).</summary>
    public static long? Long(this JsonNode? node) =>
        node is not JsonValue value ? null
        : value.TryGetValue<long>(out var l) ? l
        : value.TryGetValue<int>(out var i) ? i
        : value.TryGetValue<double>(out var d) ? (long)d
        : null;

    public static string Name(this JsonObject obj) => obj.Text("metadata", "name") ?? "";

    public static string Kind(this JsonObject obj) => obj.Text("kind") ?? "";

    public static string? Namespace(this JsonObject obj) => obj.Text("metadata", "namespace");

    /// <summary>The object at <paramref name="key"/>, created when missing.</summary>
    public static JsonObject Child(this JsonObject obj, string key)
    {
        if (obj[key] is JsonObject found)
        {
            return found;
        }

        var created = new JsonObject();
        obj[key] = created;
        return created;
    }

    /// <summary>The array at <paramref name="key"/>, created when missing.</summary>
    public static JsonArray Items(this JsonObject obj, string key)
    {
        if (obj[key] is JsonArray found)
        {
            return found;
        }

        var created = new JsonArray();
        obj[key] = created;
        return created;
    }

    public static IReadOnlyDictionary<string, string> Map(this JsonNode? node) =>
        node is JsonObject obj
            ? obj.Where(p => p.Value is JsonValue).ToDictionary(p => p.Key, p => p.Value.Text() ?? "", StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);

    public static JsonObject ToJson(this IEnumerable<KeyValuePair<string, string>> map) =>
        new(map.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)JsonValue.Create(p.Value))));

    public static JsonObject OwnerReference(string apiVersion, string kind, string name, string uid) => new()
    {
        ["apiVersion"] = apiVersion,
        ["kind"] = kind,
        ["name"] = name,
        ["uid"] = uid,
        ["controller"] = true,
        ["blockOwnerDeletion"] = true,
    };
}
