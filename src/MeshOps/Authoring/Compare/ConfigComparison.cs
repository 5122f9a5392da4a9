namespace MeshOps.Authoring.Compare;

/// <summary>
/// One object compared: its identity (kind, namespace, name), what was found (<see cref="State"/>), every spec field
/// that differs, and where each side came from (a file:line, or the live object with its resourceVersion).
/// </summary>
public sealed record ConfigComparison
{
    public required string Kind { get; init; }

    /// <summary>The namespace the object is compared in: as written, else the default namespace of the comparison.</summary>
    public required string Namespace { get; init; }

    public required string Name { get; init; }

    public required ComparisonState State { get; init; }

    /// <summary>The spec fields that differ; empty unless <see cref="State"/> is Changed.</summary>
    public IReadOnlyList<FieldDifference> Differences { get; init; } = [];

    /// <summary>Where the desired object was written or built; null when only the current side has it.</summary>
    public string? DesiredLocation { get; init; }

    /// <summary>Where the current object was read (a file:line, or kind/namespace/name with its resourceVersion); null when it is not there.</summary>
    public string? CurrentLocation { get; init; }

    /// <summary>The desired object (a typed MeshOps.Consul resource); null when only the current side has it.</summary>
    public object? Desired { get; init; }

    /// <summary>The current object, with its status when read from a cluster; null when it is not there.</summary>
    public object? Current { get; init; }

    public override string ToString() => $"{State} {Kind}/{Namespace}/{Name}";
}
