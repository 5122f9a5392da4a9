using System.Text.Json.Nodes;

namespace MeshOps.Simulation.Kubernetes.Apply;

/// <summary>
/// The fields one manager owns: the leaves it set and the list items it added, read from and written to managedFields'
/// FieldsV1 (nested <c>f:</c>/<c>k:</c> maps whose empty leaves are members and whose <c>"."</c> marks an item).
/// </summary>
public static class FieldSet
{
    /// <summary>Top-level fields and metadata fields no manager owns (the server sets them, or they name the object).</summary>
    private static readonly string[] Unowned = ["f:apiVersion", "f:kind", "f:status", "f:metadata\nf:name", "f:metadata\nf:namespace",
        "f:metadata\nf:uid", "f:metadata\nf:resourceVersion", "f:metadata\nf:creationTimestamp", "f:metadata\nf:generation",
        "f:metadata\nf:managedFields", "f:metadata\nf:selfLink", "f:metadata\nf:deletionTimestamp"];

    /// <summary>The fields an object sets: every leaf, every atomic list, and every item of an associative list.</summary>
    public static HashSet<FieldPath> Of(JsonObject obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var set = new HashSet<FieldPath>();
        Walk(obj, FieldPath.Root, set);
        set.RemoveWhere(p => Unowned.Any(u => p.Tokens == u || p.Tokens.StartsWith(u + "\n", StringComparison.Ordinal)));
        return set;
    }

    public static HashSet<FieldPath> FromFieldsV1(JsonObject? fields)
    {
        var set = new HashSet<FieldPath>();
        if (fields is not null)
            Read(fields, FieldPath.Root, set);
        return set;
    }

    public static JsonObject ToFieldsV1(IEnumerable<FieldPath> set)
    {
        ArgumentNullException.ThrowIfNull(set);
        var root = new JsonObject();
        var members = set.ToHashSet();
        foreach (var path in members.OrderBy(p => p.Tokens, StringComparer.Ordinal))
        {
            var node = root;
            foreach (var token in path.Elements)
            {
                if (node[token] is not JsonObject child)
                {
                    child = new JsonObject();
                    node[token] = child;
                }

                node = child;
            }
        }

        MarkItems(root, FieldPath.Root, members);
        return root;
    }

    private static void Walk(JsonNode? node, FieldPath path, HashSet<FieldPath> set)
    {
        switch (node)
        {
            case JsonObject obj when obj.Count > 0:
                foreach (var (name, value) in obj)
                    Walk(value, path.Field(name), set);
                break;
            case JsonArray list when ListKeys.Of(list) is { } keys:
                foreach (var item in list.Cast<JsonObject>())
                {
                    var itemPath = path.Item(ListKeys.KeyOf(item, keys));
                    set.Add(itemPath);
                    foreach (var (name, value) in item)
                        Walk(value, itemPath.Field(name), set);
                }

                break;
            default:
                set.Add(path);
                break;
        }
    }

    private static void Read(JsonObject fields, FieldPath path, HashSet<FieldPath> set)
    {
        foreach (var (token, value) in fields)
        {
            if (token == ".")
            {
                set.Add(path);
                continue;
            }

            var child = new FieldPath(path.Tokens.Length == 0 ? token : path.Tokens + "\n" + token);
            if (value is JsonObject { Count: > 0 } nested)
                Read(nested, child, set);
            else
                set.Add(child);
        }
    }

    /// <summary>An owned item that also has owned fields gets <c>".": {}</c>, as the real server writes it.</summary>
    private static void MarkItems(JsonObject node, FieldPath path, HashSet<FieldPath> members)
    {
        foreach (var (token, value) in node.ToList())
        {
            var child = new FieldPath(path.Tokens.Length == 0 ? token : path.Tokens + "\n" + token);
            if (value is JsonObject { Count: > 0 } nested)
            {
                MarkItems(nested, child, members);
                if (members.Contains(child))
                {
                    var marked = new JsonObject { ["."] = new JsonObject() };
                    foreach (var (name, inner) in nested.ToList())
                    {
                        nested.Remove(name);
                        marked[name] = inner;
                    }

                    node[token] = marked;
                }
            }
        }
    }
}
