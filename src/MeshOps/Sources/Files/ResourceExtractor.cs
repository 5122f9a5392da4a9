using System.Collections.Frozen;
using MeshOps.Consul.Helm;
using MeshOps.Sources.Files.Yaml;

namespace MeshOps.Sources.Files;

/// <summary>
/// Decides what a parsed document is (an object, a <c>kind: List</c>, something that is not a Kubernetes
/// object at all) and builds the <see cref="ManifestResource"/>s it holds.
/// </summary>
internal sealed class ResourceExtractor(TypedModelMapper mapper, PositionTableBuilder positions)
{
    private const string ListItemsKey = "items";

    public void Extract(ParsedDocument document, string file, List<ManifestResource> resources, List<LoadError> errors)
    {
        var root = document.Root!;
        if (root is ParsedScalar { Type: ScalarType.Null })
            return; // an empty document, e.g. after a trailing '---'
        if (root is not ParsedMapping mapping)
        {
            errors.Add(Error(LoadErrorIds.NotAnObject, file, root, "The document is not a mapping, so it cannot be a Kubernetes object."));
            return;
        }
        var apiVersion = mapping.GetString("apiVersion");
        var kind = mapping.GetString("kind");
        // Neither field: some other YAML (CI config, a chart's values). Consul's Helm values change how the mesh
        // behaves, so they are kept as an object of MeshOps' own kind, named after the file.
        if (apiVersion is null && kind is null)
        {
            if (IsConsulHelmValues(mapping))
                ExtractHelmValues(mapping, file, document.HasAliases, resources, errors);
            return;
        }
        if (IsKustomizeConfig(apiVersion))
            return;
        if (kind is not null && IsList(kind, mapping, out var items))
        {
            var itemKind = kind == "List" ? null : kind[..^"List".Length];
            // One table for the whole list: items that share nodes through aliases then share their slots too.
            var listPositions = positions.Build(file, mapping, document.HasAliases);
            for (var i = 0; i < items.Items.Length; i++)
            {
                var index = i;
                ExtractObject(items.Items[i], file, () => listPositions.ForListItem(ListItemsKey, index), apiVersion, itemKind, resources, errors);
            }
            return;
        }
        ExtractObject(mapping, file, () => positions.Build(file, mapping, document.HasAliases), null, null, resources, errors);
    }

    /// <summary>
    /// <paramref name="defaultApiVersion"/> and <paramref name="defaultKind"/> fill in for items of a typed
    /// list (<c>DeploymentList</c>), whose items the API server writes without them.
    /// </summary>
    private void ExtractObject(ParsedNode node, string file, Func<PositionTable> positionsOf, string? defaultApiVersion, string? defaultKind,
        List<ManifestResource> resources, List<LoadError> errors)
    {
        if (node is not ParsedMapping mapping)
        {
            errors.Add(Error(LoadErrorIds.NotAnObject, file, node, "A list item is not a mapping, so it cannot be a Kubernetes object."));
            return;
        }
        var apiVersion = mapping.GetString("apiVersion") ?? defaultApiVersion;
        var kind = mapping.GetString("kind") ?? defaultKind;
        var metadata = mapping.Get("metadata") as ParsedMapping;
        var name = metadata?.GetString("name");
        if (string.IsNullOrEmpty(apiVersion) || string.IsNullOrEmpty(kind) || string.IsNullOrEmpty(name))
        {
            errors.Add(Error(LoadErrorIds.MissingIdentity, file, node, DescribeMissingIdentity(apiVersion, kind, name)));
            return;
        }

        object? model;
        try
        {
            model = mapper.Map(mapping, apiVersion, kind);
        }
        catch (RejectedDocumentException rejected)
        {
            var at = new SourceLocation(file, rejected.Line, rejected.Column);
            errors.Add(new LoadError(rejected.ErrorId, at, $"{kind} '{name}' (line {mapping.Line}): {rejected.Message}"));
            return;
        }

        resources.Add(new ManifestResource
        {
            ApiVersion = apiVersion,
            Kind = kind,
            Name = name,
            Namespace = NullIfEmpty(metadata!.GetString("namespace")),
            Location = new SourceLocation(file, mapping.Line, mapping.Column),
            Labels = ReadStringMap(metadata.Get("labels")),
            Annotations = ReadStringMap(metadata.Get("annotations")),
            Model = model,
            Positions = positionsOf(),
        });
    }

    private void ExtractHelmValues(ParsedMapping mapping, string file, bool hasAliases, List<ManifestResource> resources, List<LoadError> errors)
    {
        try
        {
            resources.Add(new ManifestResource
            {
                ApiVersion = ConsulHelmValues.ApiVersion,
                Kind = ConsulHelmValues.Kind,
                Name = Path.GetFileName(file),
                Location = new SourceLocation(file, mapping.Line, mapping.Column),
                Model = mapper.Map(mapping, ConsulHelmValues.ApiVersion, ConsulHelmValues.Kind),
                Positions = positions.Build(file, mapping, hasAliases),
            });
        }
        catch (RejectedDocumentException rejected)
        {
            errors.Add(new LoadError(rejected.ErrorId, new SourceLocation(file, rejected.Line, rejected.Column), $"Consul Helm values: {rejected.Message}"));
        }
    }

    /// <summary>The consul-k8s chart's top-level sections; other charts' values do not have connectInject.</summary>
    private static bool IsConsulHelmValues(ParsedMapping mapping) =>
        mapping.Get("connectInject") is ParsedMapping || (mapping.Get("global") is ParsedMapping && mapping.Get("server") is ParsedMapping);

    private static bool IsList(string kind, ParsedMapping mapping, out ParsedSequence items)
    {
        items = null!;
        if (!kind.EndsWith("List", StringComparison.Ordinal) || mapping.Get(ListItemsKey) is not ParsedSequence sequence)
            return false;
        items = sequence;
        return true;
    }

    /// <summary>kustomization.yaml has apiVersion and kind but no name; it configures a build and is not an object.</summary>
    private static bool IsKustomizeConfig(string? apiVersion) =>
        apiVersion is not null && apiVersion.StartsWith("kustomize.config.k8s.io/", StringComparison.Ordinal);

    private static string DescribeMissingIdentity(string? apiVersion, string? kind, string? name)
    {
        var missing = new List<string>(3);
        if (string.IsNullOrEmpty(apiVersion))
            missing.Add("apiVersion");
        if (string.IsNullOrEmpty(kind))
            missing.Add("kind");
        if (string.IsNullOrEmpty(name))
            missing.Add("metadata.name");
        return $"The object has no {string.Join(", ", missing)}; every Kubernetes object needs apiVersion, kind and metadata.name.";
    }

    /// <summary>Labels and annotations as written; non-scalar values are not strings and are left out (the typed model reports them).</summary>
    private static IReadOnlyDictionary<string, string> ReadStringMap(ParsedNode? node)
    {
        if (node is not ParsedMapping { Entries.Length: > 0 } mapping)
            return FrozenDictionary<string, string>.Empty;
        var map = new Dictionary<string, string>(mapping.Entries.Length, StringComparer.Ordinal);
        foreach (var entry in mapping.Entries)
        {
            if (entry.Value is ParsedScalar scalar)
                map[entry.Key] = scalar.Type == ScalarType.Null ? "" : scalar.Value;
        }
        return map;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static LoadError Error(string errorId, string file, ParsedNode at, string message) =>
        new(errorId, new SourceLocation(file, at.Line, at.Column), message);
}
