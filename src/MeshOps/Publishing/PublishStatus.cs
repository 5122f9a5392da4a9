namespace MeshOps.Publishing;

/// <summary>What the apply did to one object that Publish-MeshConfig was given.</summary>
public enum PublishStatus
{
    /// <summary>The API server took the object and it differs from what was there (with -DryRun: it would).</summary>
    Applied,

    /// <summary>The apply changed nothing the object says: it already held what was sent.</summary>
    Unchanged,

    /// <summary>Another field manager owns a field the apply would change; nothing was written.</summary>
    Conflict,
}
