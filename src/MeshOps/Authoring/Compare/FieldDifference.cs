namespace MeshOps.Authoring.Compare;

/// <summary>
/// One field that differs: its path from the object's root (<c>spec.sources[public-api].action</c>; a list whose items
/// all have a unique name is keyed by it, any other by index), and each side's value as compact JSON text (a string
/// without quotes), null where that side does not set the field.
/// </summary>
public sealed record FieldDifference(string Path, string? Desired, string? Current)
{
    /// <summary>Where the desired side wrote the field (file:line), when it was read from a file; else null.</summary>
    public string? DesiredLocation { get; init; }

    /// <summary>The path's segments as the JSON tree holds them on the desired side (keys, and indices into its lists).</summary>
    internal IReadOnlyList<object> DesiredSegments { get; init; } = [];

    public override string ToString() => $"{Path}: {Current ?? "(not set)"} -> {Desired ?? "(not set)"}";
}
