namespace MeshOps.Sources.Files;

/// <summary>How to read: the namespace the objects are applied to, and limits that keep a bad input from hanging or exhausting the session.</summary>
public sealed record LoaderOptions
{
    /// <summary>Files larger than this are refused with an error naming the file (kubectl's own limit is far lower for objects).</summary>
    public long MaxFileBytes { get; init; } = 16L * 1024 * 1024;

    /// <summary>Most YAML nodes one document may expand to once aliases are followed (stops alias bombs).</summary>
    public int MaxNodesPerDocument { get; init; } = 1_000_000;

    /// <summary>
    /// Most characters of keys and scalar values one document may expand to once aliases are followed: a few large
    /// scalars repeated by aliases pass the node limit yet fill memory. A document without aliases holds no more
    /// characters than its file, so the default, four times <see cref="MaxFileBytes"/>, only stops expansion.
    /// </summary>
    public long MaxExpandedCharsPerDocument
    {
        get => maxExpandedChars ?? 4 * MaxFileBytes;
        init => maxExpandedChars = value;
    }

    private readonly long? maxExpandedChars;

    /// <summary>
    /// The namespace the inputs are applied to, as <c>kubectl apply -n</c>: a namespaced object written without one is
    /// read as in it, and one written for another namespace is a <see cref="LoadErrorIds.NamespaceMismatch"/> error, as
    /// kubectl refuses it. Cluster-scoped kinds (<see cref="KindScope"/>) are left alone. Null: objects keep the namespace
    /// as written, and one written without any keeps none (read as kubectl's context namespace, "default").
    /// </summary>
    public string? Namespace { get; init; }

    public static readonly LoaderOptions Default = new();
}
