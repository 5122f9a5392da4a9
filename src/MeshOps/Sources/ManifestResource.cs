namespace MeshOps.Sources;

/// <summary>
/// One Kubernetes or Consul object as read from a manifest: its identity, where it was written,
/// and its typed form (a KubernetesClient model for core kinds, a generated <c>MeshOps.Consul</c> type for
/// Consul CRDs, null for kinds MeshOps does not know, which are kept but not analysed).
/// </summary>
public sealed class ManifestResource
{
    public required string ApiVersion { get; init; }

    public required string Kind { get; init; }

    public required string Name { get; init; }

    /// <summary>The namespace as written; null when the manifest leaves it to kubectl's context.</summary>
    public string? Namespace { get; init; }

    /// <summary>Where the object starts (the document or the <c>kind: List</c> item).</summary>
    public required SourceLocation Location { get; init; }

    /// <summary>Where the object came from: its file (the default, from <see cref="Location"/>) or the object it was read as.</summary>
    public ResourceOrigin Origin
    {
        get => _origin ?? new FileOrigin(Location);
        init => _origin = value;
    }

    private readonly ResourceOrigin? _origin;

    public IReadOnlyDictionary<string, string> Labels { get; init; } = EmptyMap;

    public IReadOnlyDictionary<string, string> Annotations { get; init; } = EmptyMap;

    /// <summary>The typed object, or null for a kind MeshOps does not model.</summary>
    public object? Model { get; init; }

    /// <summary>
    /// A fingerprint of what an object without a <see cref="Model"/> says, so that two copies of it can still be
    /// compared (<see cref="DuplicateObjects"/>); null when the source kept none.
    /// </summary>
    internal byte[]? UntypedDigest { get; init; }

    /// <summary>Finds where a field was written; null when the loader kept no positions (objects from the pipeline).</summary>
    public IPositionIndex? Positions { get; init; }

    public ResourceRef Ref => new(Kind, Namespace, Name);

    /// <summary>
    /// The location of a field, given as path segments (string keys, int indices), for example
    /// <c>LocationOf("spec", "ports", 0, "targetPort")</c>. Falls back to the object's own location.
    /// </summary>
    public SourceLocation LocationOf(params object[] path) => Positions?.Find(path) ?? Location;

    public T? As<T>() where T : class => Model as T;

    private static readonly IReadOnlyDictionary<string, string> EmptyMap = new Dictionary<string, string>();
}

/// <summary>Maps a field path inside one object to where it was written.</summary>
public interface IPositionIndex
{
    SourceLocation? Find(IReadOnlyList<object> path);
}
