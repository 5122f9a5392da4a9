using System.Text.Json.Nodes;

namespace MeshOps.Live.Tests.Consul;

/// <summary>
/// The property paths of a JSON document ("[].Service.TaggedAddresses.lan.port"), so two answers can be compared for
/// shape (names, casing, nesting) and not for values. Maps whose keys are data (Meta, ServiceMeta, Member.Tags, a
/// catalog's service names) have their keys written as "*", and their scalar values left out: a map with no entries
/// and one with several have the same shape.
/// </summary>
internal static class JsonShape
{
    private static readonly HashSet<string> DataKeyedMaps = ["Meta", "NodeMeta", "ServiceMeta", "Tags"];

    public static SortedSet<string> Paths(JsonNode? node, bool keyedByData = false, params string[] opaque)
    {
        var paths = new SortedSet<string>(StringComparer.Ordinal);
        Walk(node, "", keyedByData, paths, [.. opaque]);
        return paths;
    }

    private static void Walk(JsonNode? node, string path, bool keyedByData, SortedSet<string> paths, HashSet<string> opaque)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj)
                {
                    if (keyedByData && child is not (JsonObject or JsonArray))
                    {
                        continue;
                    }

                    var childPath = path.Length == 0 ? (keyedByData ? "*" : name) : $"{path}.{(keyedByData ? "*" : name)}";
                    paths.Add(childPath);
                    if (!opaque.Contains(childPath))
                    {
                        Walk(child, childPath, child is JsonObject && DataKeyedMaps.Contains(name), paths, opaque);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    if (item is JsonObject or JsonArray)
                    {
                        Walk(item, path + "[]", false, paths, opaque);
                    }
                }

                break;
        }
    }
}
