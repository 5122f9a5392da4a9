namespace MeshOps.Authoring.Compare;

/// <summary>What comparing one desired object with what is there found.</summary>
public enum ComparisonState
{
    /// <summary>Both sides say the same thing in every spec field.</summary>
    Equal,

    /// <summary>Both sides have the object and at least one spec field differs: applying the desired one changes it.</summary>
    Changed,

    /// <summary>Only the desired side has the object: applying it creates it.</summary>
    Added,

    /// <summary>Only the current side (the cluster, or the files compared with) has it; reported only when asked for.</summary>
    Unmatched,
}
