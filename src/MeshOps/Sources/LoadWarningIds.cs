namespace MeshOps.Sources;

/// <summary>The stable <see cref="LoadWarning.WarningId"/> values; never renamed, as scripts may match on them.</summary>
public static class LoadWarningIds
{
    /// <summary>
    /// A mapping repeats a key. It keeps the ID it had when it was a <see cref="LoadError"/>, so a script that matched
    /// on it still finds it.
    /// </summary>
    public const string DuplicateKey = "MeshOps.DuplicateKey";

    /// <summary>One object (group, kind, namespace, name) is written more than once with different content.</summary>
    public const string DuplicateObject = "MeshOps.DuplicateObject";
}
