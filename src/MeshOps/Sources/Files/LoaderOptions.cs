namespace MeshOps.Sources.Files;

/// <summary>Limits that keep a bad input from hanging or exhausting the session.</summary>
public sealed record LoaderOptions
{
    /// <summary>Files larger than this are refused with an error naming the file (kubectl's own limit is far lower for objects).</summary>
    public long MaxFileBytes { get; init; } = 16L * 1024 * 1024;

    /// <summary>Most YAML nodes one document may expand to once aliases are followed (stops alias bombs).</summary>
    public int MaxNodesPerDocument { get; init; } = 1_000_000;

    public static readonly LoaderOptions Default = new();
}
