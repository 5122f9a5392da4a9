using System.Text.Json.Nodes;
using MeshOps.Consul.Helm;

namespace MeshOps.Sources;

/// <summary>
/// One object written in several places is one object. kubectl names an object by API group, kind, namespace and name,
/// and applies the inputs in order (each <c>-f</c> in turn, a folder in <c>filepath.Walk</c>'s lexical order, a file's
/// documents top to bottom), so the cluster keeps the last copy. This step does the same over a <see cref="ManifestSet"/>
/// from any source: copies with the same content become one, silently; copies that differ become the last one, with
/// one <see cref="LoadWarningIds.DuplicateObject"/> warning naming every place, since only one of them can be true.
/// </summary>
public static class DuplicateObjects
{
    /// <summary>Server-set fields that say nothing about what was written (a <c>kubectl get -o yaml</c> copy has them).</summary>
    private static readonly string[] ServerMetadata = ["resourceVersion", "uid", "creationTimestamp", "generation", "managedFields", "selfLink"];

    /// <summary>The set with each object once, at the place of its last copy; the same set when nothing repeats.</summary>
    public static ManifestSet Resolve(ManifestSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        var resources = set.Resources;
        var copies = new Dictionary<Identity, List<int>>(resources.Count);
        var repeated = new List<List<int>>();
        for (var i = 0; i < resources.Count; i++)
        {
            if (IdentityOf(resources[i]) is not { } identity)
                continue;
            if (!copies.TryGetValue(identity, out var indices))
            {
                copies.Add(identity, [i]);
                continue;
            }
            if (indices.Count == 1)
                repeated.Add(indices);
            indices.Add(i);
        }
        if (repeated.Count == 0)
            return set;

        var superseded = new bool[resources.Count];
        var warnings = new List<LoadWarning>(set.Warnings);
        foreach (var indices in repeated)
        {
            for (var k = 0; k < indices.Count - 1; k++)
                superseded[indices[k]] = true;
            if (!AllSame(resources, indices))
                warnings.Add(Describe(resources, indices));
        }
        var kept = new List<ManifestResource>(resources.Count);
        for (var i = 0; i < resources.Count; i++)
        {
            if (!superseded[i])
                kept.Add(resources[i]);
        }
        var replaced = new List<ManifestResource>(set.Superseded);
        for (var i = 0; i < resources.Count; i++)
        {
            if (superseded[i])
                replaced.Add(resources[i]);
        }
        return set with { Resources = kept, Warnings = warnings, Superseded = replaced };
    }

    /// <summary>
    /// kubectl's name for the object, with the namespace it would apply a namespaceless one to (its context's, taken to
    /// be "default") and none for a cluster-scoped kind. Consul Helm values are files MeshOps reads, not objects: none.
    /// </summary>
    private static Identity? IdentityOf(ManifestResource resource)
    {
        if (resource.ApiVersion == ConsulHelmValues.ApiVersion)
            return null;
        var ns = KindScope.IsClusterScoped(resource.ApiVersion, resource.Kind) ? "" : NamespaceOf(resource);
        return new Identity(KindScope.GroupOf(resource.ApiVersion), resource.Kind, ns, resource.Name);
    }

    private static string NamespaceOf(ManifestResource resource) =>
        string.IsNullOrEmpty(resource.Namespace) ? "default" : resource.Namespace;

    private static bool AllSame(IReadOnlyList<ManifestResource> resources, List<int> indices)
    {
        var last = resources[indices[^1]];
        var lastContent = last.Model is null ? null : ContentOf(last.Model);
        for (var k = 0; k < indices.Count - 1; k++)
        {
            var other = resources[indices[k]];
            var same = last.Model is null
                ? other.Model is null && last.UntypedDigest is { } digest && other.UntypedDigest is { } otherDigest && digest.AsSpan().SequenceEqual(otherDigest)
                : other.Model is not null && lastContent is not null && JsonNode.DeepEquals(lastContent, ContentOf(other.Model));
            if (!same)
                return false;
        }
        return true;
    }

    /// <summary>
    /// What a modelled object says, as a JSON tree (key order and formatting gone). The identity's own parts and what a
    /// server sets are left out, so that "namespace: default" written out and left to the default compare equal, as do a
    /// file and its object listed from a cluster. Unmodelled kinds are compared by the loader's fingerprint, which
    /// leaves out the same fields.
    /// </summary>
    private static JsonObject? ContentOf(object model)
    {
        if (KindRegistry.ToJsonNode(model) is not JsonObject root)
            return null;
        root.Remove("apiVersion");
        root.Remove("kind");
        root.Remove("status");
        if (root["metadata"] is JsonObject metadata)
        {
            metadata.Remove("namespace");
            foreach (var field in ServerMetadata)
                metadata.Remove(field);
        }
        return root;
    }

    private static LoadWarning Describe(IReadOnlyList<ManifestResource> resources, List<int> indices)
    {
        var last = resources[indices[^1]];
        var places = string.Join(", ", indices.Select(i => resources[i].Location));
        var name = last.Ref with { Namespace = KindScope.IsClusterScoped(last.ApiVersion, last.Kind) ? null : NamespaceOf(last) };
        return new LoadWarning(LoadWarningIds.DuplicateObject, last.Location,
            $"{name} is written {indices.Count} times with different content ({places}). kubectl applies them in this order, " +
            $"so the cluster keeps the last one ({last.Location}), and that is the one analysed; the others are ignored.");
    }

    private readonly record struct Identity(string Group, string Kind, string Namespace, string Name);
}
