using System.Text.Json.Nodes;

namespace MeshOps.Simulation.Kubernetes.Apply;

/// <summary>
/// Which lists merge item by item, and by which key: the x-kubernetes-list-map-keys of the Kubernetes OpenAPI,
/// approximated from the items (name for containers, env, volumes...; containerPort+protocol for container ports;
/// port+protocol for service ports; mountPath for volume mounts). Any other list is atomic: replaced whole.
/// </summary>
public static class ListKeys
{
    private static readonly string[][] Candidates = [["name"], ["containerPort", "protocol"], ["port", "protocol"], ["mountPath"], ["type"]];

    /// <summary>The key fields of the list's items, or null when the list is atomic.</summary>
    public static string[]? Of(JsonArray list)
    {
        ArgumentNullException.ThrowIfNull(list);
        if (list.Count == 0 || list.Any(i => i is not JsonObject))
            return null;
        foreach (var candidate in Candidates)
        {
            if (list.All(i => ((JsonObject)i!).ContainsKey(candidate[0])))
                return candidate;
        }

        return null;
    }

    /// <summary>The key of one item: the key fields it has, in key order.</summary>
    public static JsonObject KeyOf(JsonObject item, string[] keys)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(keys);
        var key = new JsonObject();
        foreach (var field in keys.Order(StringComparer.Ordinal))
        {
            if (item[field] is { } value)
                key[field] = value.DeepClone();
        }

        return key;
    }

    public static int IndexOf(JsonArray list, JsonObject key)
    {
        ArgumentNullException.ThrowIfNull(list);
        var names = key.Select(p => p.Key).ToArray();
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is JsonObject item && JsonNode.DeepEquals(KeyOf(item, names), key))
                return i;
        }

        return -1;
    }
}
