using System.Text.Json.Nodes;
using k8s;
using MeshOps.Consul;
using MeshOps.Sources;

namespace MeshOps.Authoring.Compare;

/// <summary>
/// Pairs desired Consul resources with the current ones by kind, namespace and name, and compares each pair's
/// <c>spec</c> with <see cref="SpecComparer"/>: metadata (resourceVersion, uid, managedFields, timestamps, labels)
/// and status are never compared, since they say nothing about the configuration Consul receives.
/// </summary>
public static class ConfigComparer
{
    /// <summary>
    /// Whether a resource can be compared: a consul.hashicorp.com kind MeshOps reads into its typed object. Other kinds
    /// (Kubernetes objects, which may be Secrets) are not compared, so no credential can reach a difference.
    /// </summary>
    public static bool IsComparable(ManifestResource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return resource.Model is IMeshResource && resource.ApiVersion.StartsWith("consul.hashicorp.com/", StringComparison.Ordinal);
    }

    /// <summary>
    /// One comparison per desired object (a later copy of one identity replacing an earlier one, as kubectl apply
    /// would), in the desired order; then, with <see cref="ConfigCompareOptions.IncludeUnmatched"/>, one per current
    /// object of a desired kind that nothing desired matches. Resources that are not comparable are left out.
    /// </summary>
    public static IReadOnlyList<ConfigComparison> Compare(IEnumerable<ManifestResource> desired, IEnumerable<ManifestResource> current, ConfigCompareOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(current);
        options ??= ConfigCompareOptions.Default;
        var wanted = new Dictionary<(string Kind, string Namespace, string Name), ManifestResource>();
        foreach (var resource in desired.Where(IsComparable))
        {
            wanted[Identity(resource, options)] = resource;
        }

        var present = new Dictionary<(string Kind, string Namespace, string Name), ManifestResource>();
        foreach (var resource in current.Where(IsComparable))
        {
            present[Identity(resource, options)] = resource;
        }

        var results = new List<ConfigComparison>();
        foreach (var (identity, resource) in wanted)
        {
            results.Add(present.TryGetValue(identity, out var there)
                ? Pair(identity, resource, there)
                : Result(identity, ComparisonState.Added, resource, null, []));
        }

        if (options.IncludeUnmatched)
        {
            var kinds = wanted.Keys.Select(k => k.Kind).ToHashSet(StringComparer.Ordinal);
            results.AddRange(present
                .Where(p => kinds.Contains(p.Key.Kind) && !wanted.ContainsKey(p.Key))
                .Select(p => Result(p.Key, ComparisonState.Unmatched, null, p.Value, [])));
        }

        return results;
    }

    /// <summary>The <c>spec</c> of a typed resource as a JSON tree, written as the CRD spells its fields.</summary>
    public static JsonNode? SpecOf(object model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return JsonNode.Parse(KindRegistry.Serialize(model))?["spec"];
    }

    private static ConfigComparison Pair((string Kind, string Namespace, string Name) identity, ManifestResource desired, ManifestResource current)
    {
        var differences = SpecComparer.Compare(SpecOf(desired.Model!), SpecOf(current.Model!))
            .Select(d => d with { DesiredLocation = LocationOf(desired, d) })
            .ToList();
        return Result(identity, differences.Count == 0 ? ComparisonState.Equal : ComparisonState.Changed, desired, current, differences);
    }

    // Only a file knows lines; an item the desired side lacks is located at its list.
    private static string? LocationOf(ManifestResource desired, FieldDifference difference)
    {
        if (desired.Positions is null)
        {
            return null;
        }

        var segments = difference.DesiredSegments.TakeWhile(s => s is not int index || index >= 0).Prepend("spec").ToArray();
        return desired.LocationOf(segments).ToString();
    }

    private static ConfigComparison Result((string Kind, string Namespace, string Name) identity, ComparisonState state, ManifestResource? desired, ManifestResource? current, IReadOnlyList<FieldDifference> differences) => new()
    {
        Kind = identity.Kind,
        Namespace = identity.Namespace,
        Name = identity.Name,
        State = state,
        Differences = differences,
        DesiredLocation = desired?.Location.ToString(),
        CurrentLocation = current?.Location.ToString(),
        Desired = desired?.Model,
        Current = current?.Model,
    };

    private static (string Kind, string Namespace, string Name) Identity(ManifestResource resource, ConfigCompareOptions options) =>
        (resource.Kind, string.IsNullOrEmpty(resource.Namespace) ? options.DefaultNamespace : resource.Namespace, resource.Name);
}
