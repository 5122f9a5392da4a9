namespace MeshOps.Authoring.Compare;

/// <summary>How <see cref="ConfigComparer"/> pairs objects and what it reports.</summary>
public sealed record ConfigCompareOptions
{
    public static readonly ConfigCompareOptions Default = new();

    /// <summary>The namespace of an object written without one (kubectl's context namespace, else <c>default</c>).</summary>
    public string DefaultNamespace { get; init; } = "default";

    /// <summary>
    /// Also report objects only the current side has, of the kinds the desired side holds. Off by default: a repository
    /// usually holds a subset of what a cluster runs.
    /// </summary>
    public bool IncludeUnmatched { get; init; }
}
