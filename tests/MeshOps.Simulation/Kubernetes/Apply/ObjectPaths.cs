using System.Text.Json.Nodes;

namespace MeshOps.Simulation.Kubernetes.Apply;

/// <summary>Reads, removes and merges the fields of an object by <see cref="FieldPath"/>.</summary>
public static class ObjectPaths
{
    /// <summary>The value at the path, and whether it exists at all (a field may exist holding null).</summary>
    public static (bool Found, JsonNode? Value) Resolve(JsonNode root, FieldPath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var node = root;
        foreach (var token in path.Elements)
        {
            switch (node)
            {
                case JsonObject obj when token.StartsWith("f:", StringComparison.Ordinal) && obj.TryGetPropertyValue(token[2..], out var child):
                    node = child;
                    break;
                case JsonArray list when token.StartsWith("k:", StringComparison.Ordinal):
                    var index = ListKeys.IndexOf(list, (JsonObject)JsonNode.Parse(token[2..])!);
                    if (index < 0)
                        return (false, null);
                    node = list[index];
                    break;
                default:
                    return (false, null);
            }
        }

        return (true, node);
    }

    public static void Remove(JsonObject root, FieldPath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var elements = path.Elements;
        if (elements.Count == 0)
            return;
        var parentPath = new FieldPath(string.Join('\n', elements.Take(elements.Count - 1)));
        var (found, parent) = Resolve(root, parentPath);
        if (!found)
            return;
        var last = elements[^1];
        if (parent is JsonObject obj && last.StartsWith("f:", StringComparison.Ordinal))
            obj.Remove(last[2..]);
        else if (parent is JsonArray list && last.StartsWith("k:", StringComparison.Ordinal))
        {
            var index = ListKeys.IndexOf(list, (JsonObject)JsonNode.Parse(last[2..])!);
            if (index >= 0)
                list.RemoveAt(index);
        }
    }

    /// <summary>
    /// The applied configuration merged over the live object: maps field by field, associative lists item by item
    /// (by key), anything else replaced by the applied value.
    /// </summary>
    public static JsonNode? Merge(JsonNode? live, JsonNode? applied)
    {
        switch (live, applied)
        {
            case (JsonObject liveObject, JsonObject appliedObject):
                var merged = (JsonObject)liveObject.DeepClone();
                foreach (var (name, value) in appliedObject)
                    merged[name] = Merge(merged[name], value);
                return merged;
            case (JsonArray liveList, JsonArray appliedList) when ListKeys.Of(appliedList) is { } keys:
                var result = (JsonArray)liveList.DeepClone();
                foreach (var item in appliedList.Cast<JsonObject>())
                {
                    var index = ListKeys.IndexOf(result, ListKeys.KeyOf(item, keys));
                    if (index < 0)
                        result.Add(item.DeepClone());
                    else
                        result[index] = Merge(result[index], item);
                }

                return result;
            default:
                return applied?.DeepClone();
        }
    }
}
