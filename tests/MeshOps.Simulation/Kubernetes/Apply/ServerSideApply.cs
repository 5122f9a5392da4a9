using System.Text.Json.Nodes;
using MeshOps.Simulation.Kubernetes.Api;

namespace MeshOps.Simulation.Kubernetes.Apply;

/// <summary>
/// Server-side apply as kube-apiserver 1.32 does it: the applier owns exactly the fields it sent; a field it would
/// change that another manager owns is a conflict (409, named as the real server names it) unless forced, which takes
/// the field over; a field it owned before and no longer sends is removed unless someone else owns it.
/// </summary>
public static class ServerSideApply
{
    private static readonly string[] ServerMetadata = ["uid", "resourceVersion", "creationTimestamp", "generation", "managedFields", "selfLink"];

    /// <summary>The object after the apply (not stored), or a 409 Conflict <see cref="StatusException"/>.</summary>
    public static JsonObject Apply(JsonObject? live, JsonObject applied, ApiResource resource, string manager, bool force)
    {
        ArgumentNullException.ThrowIfNull(applied);
        ArgumentNullException.ThrowIfNull(resource);
        var config = Clean(applied);
        var sent = FieldSet.Of(config);
        var entries = live is null ? [] : ManagedFieldsEntry.Read(live);
        var mine = entries.FirstOrDefault(e => e.SameManager(manager, "Apply"));
        var others = entries.Where(e => e != mine).ToList();

        var conflicts = live is null ? [] : Conflicts(live, config, sent, others);
        if (conflicts.Count > 0 && !force)
            throw ConflictError(conflicts);
        foreach (var (owner, path) in conflicts)
            owner.Fields.Remove(path);

        var result = (JsonObject?)live?.DeepClone() ?? new JsonObject();
        var dropped = (mine?.Fields ?? []).Where(p => !sent.Contains(p) && !others.Any(o => o.Fields.Contains(p)));
        foreach (var path in dropped.OrderByDescending(p => p.Elements.Count))
            ObjectPaths.Remove(result, path);
        result = (JsonObject)ObjectPaths.Merge(result, config)!;

        var entry = new ManagedFieldsEntry(manager, "Apply", resource.GroupVersion, ManagedFieldsEntry.Now(), sent);
        var updated = mine is null ? [.. entries, entry] : entries.Select(e => e == mine ? entry : e).ToList();
        var metadata = (JsonObject)result["metadata"]!;
        metadata["managedFields"] = ManagedFieldsEntry.Write(updated);
        metadata["generation"] = NextGeneration(live, result);
        return result;
    }

    /// <summary>What the body may not set (the server owns it): status goes through the status subresource.</summary>
    private static JsonObject Clean(JsonObject applied)
    {
        var config = (JsonObject)applied.DeepClone();
        config.Remove("status");
        if (config["metadata"] is JsonObject metadata)
        {
            foreach (var field in ServerMetadata)
                metadata.Remove(field);
        }

        return config;
    }

    private static List<(ManagedFieldsEntry Entry, FieldPath Path)> Conflicts(JsonObject live, JsonObject config, HashSet<FieldPath> sent, List<ManagedFieldsEntry> others)
    {
        var conflicts = new List<(ManagedFieldsEntry, FieldPath)>();
        foreach (var other in others)
        {
            foreach (var path in other.Fields.Where(p => sent.Contains(p) && !p.IsItem).OrderBy(p => p.ToString(), StringComparer.Ordinal))
            {
                var (found, current) = ObjectPaths.Resolve(live, path);
                var (_, wanted) = ObjectPaths.Resolve(config, path);
                if (!found || !JsonNode.DeepEquals(current, wanted))
                    conflicts.Add((other, path));
            }
        }

        return conflicts;
    }

    /// <summary>The 409 kube-apiserver answers (getConflictMessage in k8s.io/apiserver fieldmanager), with one cause per field.</summary>
    private static StatusException ConflictError(List<(ManagedFieldsEntry Entry, FieldPath Path)> conflicts)
    {
        var causes = new JsonArray(conflicts.Select(c => (JsonNode)new JsonObject
        {
            ["reason"] = "FieldManagerConflict",
            ["message"] = $"conflict with {c.Entry.Describe()}",
            ["field"] = c.Path.ToString(),
        }).ToArray());
        string message;
        if (conflicts.Count == 1)
        {
            message = $"Apply failed with 1 conflict: conflict with {conflicts[0].Entry.Describe()}: {conflicts[0].Path}";
        }
        else
        {
            var lines = conflicts
                .GroupBy(c => c.Entry.Describe())
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .SelectMany(g => g.Select(c => $"- {c.Path}").Prepend($"conflicts with {g.Key}:"));
            message = $"Apply failed with {conflicts.Count} conflicts: {string.Join("\n", lines)}";
        }

        return new StatusException(409, "Conflict", message, new JsonObject { ["causes"] = causes });
    }

    private static long NextGeneration(JsonObject? live, JsonObject result)
    {
        var current = (long?)live?["metadata"]?["generation"] ?? 0;
        if (live is null)
            return 1;
        return JsonNode.DeepEquals(live["spec"], result["spec"]) ? Math.Max(current, 1) : current + 1;
    }
}
