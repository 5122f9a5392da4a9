using System.Collections.Frozen;
using MeshOps.Consul.Helm;
using MeshOps.Sources.Files.Yaml;

namespace MeshOps.Sources.Files;

/// <summary>
/// Decides what a parsed document is (an object, a <c>kind: List</c>, something that is not a Kubernetes
/// object at all) and builds the <see cref="ManifestResource"/>s it holds.
/// </summary>
internal sealed class ResourceExtractor(TypedModelMapper mapper, PositionTableBuilder positions, ContentDigest digest, string? targetNamespace)
{
    private const string ListItemsKey = "items";

    public void Extract(ParsedDocument document, string file, LoadResults results)
    {
        var root = document.Root!;
        if (root is ParsedScalar { Type: ScalarType.Null })
            return; // an empty document, e.g. after a trailing '---'
        if (root is not ParsedMapping mapping)
        {
            results.Errors.Add(Error(LoadErrorIds.NotAnObject, file, root, "The document is not a mapping, so it cannot be a Kubernetes object."));
            return;
        }
        var apiVersion = mapping.GetString("apiVersion");
        var kind = mapping.GetString("kind");
        // Neither field: some other YAML (CI config, a chart's values). Consul's Helm values change how the mesh
        // behaves, so they are kept as an object of MeshOps' own kind, named after the file; the rest is skipped, saying why.
        if (apiVersion is null && kind is null)
        {
            if (ConsulHelmValuesSignature.Matches(mapping))
                ExtractHelmValues(mapping, file, document.HasAliases, results);
            else
                results.Skipped.Add(new SkippedDocument(At(file, mapping), NonObjectDocument.Describe(mapping)));
            return;
        }
        if (NonObjectDocument.WhyNotAnObject(mapping, apiVersion, kind) is { } reason)
        {
            results.Skipped.Add(new SkippedDocument(At(file, mapping), reason));
            return;
        }
        if (kind is not null && IsList(kind, mapping, out var items))
        {
            var itemKind = kind == "List" ? null : kind[..^"List".Length];
            // One table for the whole list: items that share nodes through aliases then share their slots too.
            var listPositions = positions.Build(file, mapping, document.HasAliases);
            for (var i = 0; i < items.Items.Length; i++)
            {
                var index = i;
                ExtractObject(items.Items[i], file, document.HasAliases, () => listPositions.ForListItem(ListItemsKey, index), apiVersion, itemKind, results);
            }
            return;
        }
        ExtractObject(mapping, file, document.HasAliases, () => positions.Build(file, mapping, document.HasAliases), null, null, results);
    }

    /// <summary>
    /// <paramref name="defaultApiVersion"/> and <paramref name="defaultKind"/> fill in for items of a typed
    /// list (<c>DeploymentList</c>), whose items the API server writes without them.
    /// </summary>
    private void ExtractObject(ParsedNode node, string file, bool hasAliases, Func<PositionTable> positionsOf, string? defaultApiVersion, string? defaultKind,
        LoadResults results)
    {
        var errors = results.Errors;
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

        if (!TryResolveNamespace(metadata!, apiVersion, kind, name, file, errors, out var ns))
            return;

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

        results.Resources.Add(new ManifestResource
        {
            ApiVersion = apiVersion,
            Kind = kind,
            Name = name,
            Namespace = ns,
            Location = new SourceLocation(file, mapping.Line, mapping.Column),
            Labels = ReadStringMap(metadata!.Get("labels")),
            Annotations = ReadStringMap(metadata.Get("annotations")),
            Model = model,
            UntypedDigest = model is null ? digest.Of(mapping, hasAliases) : null,
            Positions = positionsOf(),
        });
    }

    /// <summary>
    /// The namespace as kubectl would apply the object: as written, or with a target namespace (<c>-n</c>) the target for
    /// a namespaced object written without one, and a refusal, in kubectl's words (<c>resource.RequireNamespace</c>),
    /// for one written for another namespace. A cluster-scoped kind is left as written: kubectl ignores both for it.
    /// </summary>
    private bool TryResolveNamespace(ParsedMapping metadata, string apiVersion, string kind, string name, string file, List<LoadError> errors, out string? ns)
    {
        ns = NullIfEmpty(metadata.GetString("namespace"));
        if (targetNamespace is null || KindScope.IsClusterScoped(apiVersion, kind))
            return true;
        if (ns is null)
        {
            ns = targetNamespace;
            return true;
        }
        if (string.Equals(ns, targetNamespace, StringComparison.Ordinal))
            return true;
        var written = metadata.GetEntry("namespace")!.Value;
        errors.Add(new LoadError(LoadErrorIds.NamespaceMismatch, new SourceLocation(file, written.KeyLine, written.KeyColumn),
            $"{kind} '{name}': the namespace from the provided object \"{ns}\" does not match the namespace \"{targetNamespace}\". " +
            $"You must pass '--namespace={ns}' to perform this operation."));
        return false;
    }

    private void ExtractHelmValues(ParsedMapping mapping, string file, bool hasAliases, LoadResults results)
    {
        try
        {
            results.Resources.Add(new ManifestResource
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
            results.Errors.Add(new LoadError(rejected.ErrorId, new SourceLocation(file, rejected.Line, rejected.Column), $"Consul Helm values: {rejected.Message}"));
        }
    }

    private static bool IsList(string kind, ParsedMapping mapping, out ParsedSequence items)
    {
        items = null!;
        if (!kind.EndsWith("List", StringComparison.Ordinal) || mapping.Get(ListItemsKey) is not ParsedSequence sequence)
            return false;
        items = sequence;
        return true;
    }

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

    private static SourceLocation At(string file, ParsedNode node) => new(file, node.Line, node.Column);

    private static LoadError Error(string errorId, string file, ParsedNode at, string message) =>
        new(errorId, new SourceLocation(file, at.Line, at.Column), message);
}
