namespace MeshOps.Publishing;

/// <summary>With -Wait: what consul-k8s and Consul made of an applied consul.hashicorp.com object.</summary>
public enum SyncStatus
{
    /// <summary>consul-k8s reported Synced=True after the apply and, when Consul was reachable, its entry holds what was applied.</summary>
    Synced,

    /// <summary>consul-k8s reported Synced=False (its reason in SyncReason), or did not report Synced=True for this apply in time.</summary>
    NotSynced,

    /// <summary>Synced, but Consul's config entry differs from what was applied in the fields named by Fields.</summary>
    Mismatch,
}
