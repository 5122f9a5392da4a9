namespace MeshOps.Publishing;

/// <summary>What became of one object that Publish-MeshConfig was given.</summary>
public enum PublishStatus
{
    /// <summary>The API server took the object and it differs from what was there (with -DryRun: it would).</summary>
    Applied,

    /// <summary>The apply changed nothing the object says: it already held what was sent.</summary>
    Unchanged,

    /// <summary>Another field manager owns a field the apply would change; nothing was written.</summary>
    Conflict,

    /// <summary>consul-k8s reported Synced=True and, when Consul was reachable, its entry holds what was applied.</summary>
    Synced,

    /// <summary>consul-k8s reported Synced=False (its reason in Reason), or did not report Synced=True in time.</summary>
    NotSynced,

    /// <summary>Synced, but Consul's config entry differs from what was applied in the fields named by Fields.</summary>
    Mismatch,
}
