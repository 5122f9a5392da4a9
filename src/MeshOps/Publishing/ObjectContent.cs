using System.Text.Json.Nodes;

namespace MeshOps.Publishing;

/// <summary>
/// Whether an apply changed what an object says. The server's bookkeeping is left out: every write bumps
/// resourceVersion and rewrites managedFields' timestamps, status belongs to the controller, and a dry run answers the
/// old resourceVersion whatever it would change.
/// </summary>
public static class ObjectContent
{
    private static readonly string[] Bookkeeping = ["resourceVersion", "managedFields", "generation", "uid", "creationTimestamp", "selfLink"];

    /// <summary>True when both exist and say the same thing.</summary>
    public static bool Same(JsonObject? before, JsonObject? after) =>
        before is not null && after is not null && JsonNode.DeepEquals(Content(before), Content(after));

    private static JsonObject Content(JsonObject obj)
    {
        var copy = obj.DeepClone().AsObject();
        copy.Remove("status");
        if (copy["metadata"] is JsonObject metadata)
        {
            foreach (var field in Bookkeeping)
            {
                metadata.Remove(field);
            }
        }

        return copy;
    }
}
