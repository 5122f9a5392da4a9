using MeshOps.Rules.Intentions;

namespace MeshOps.Paths.Live;

/// <summary>How Consul's own intention check answered next to our evaluation of the cluster's ServiceIntentions.</summary>
public enum IntentionAgreement
{
    /// <summary>Consul was not asked (manifests were checked, not a cluster).</summary>
    NotAsked,

    /// <summary>Consul could not be read, so nothing is known of its answer.</summary>
    Unknown,

    Agrees,

    /// <summary>
    /// An L7 intention decides the pair: Consul's check answers false for it whatever the request, so its answer says
    /// nothing against ours.
    /// </summary>
    NotComparable,

    /// <summary>Consul allows a pair the cluster's ServiceIntentions deny (an intention made outside Kubernetes).</summary>
    ConsulAllows,

    /// <summary>Consul denies a pair the cluster's ServiceIntentions allow (an entry it never took, or one made outside Kubernetes).</summary>
    ConsulDenies,
}

/// <summary>The one comparison of Consul's <c>/v1/connect/intentions/check</c> answer with our decision, for paths and intention checks alike.</summary>
public static class IntentionComparison
{
    public static IntentionAgreement Compare(bool? consulAllows, IntentionDecision? ours) => (consulAllows, ours) switch
    {
        (null, _) => IntentionAgreement.Unknown,
        (_, null) => IntentionAgreement.NotAsked,
        (_, { IsL7: true }) => IntentionAgreement.NotComparable,
        ({ } consul, { } decision) when consul == decision.Allowed => IntentionAgreement.Agrees,
        (true, _) => IntentionAgreement.ConsulAllows,
        _ => IntentionAgreement.ConsulDenies,
    };

    /// <summary>What a disagreement means and what to do about it; a deny Consul enforces breaks the call whatever the resources say.</summary>
    public static (string Summary, string Fix) Disagreement(IntentionAgreement agreement, string source, string destination) => agreement switch
    {
        IntentionAgreement.ConsulAllows => (
            $"Consul allows {source} -> {destination} although the cluster's ServiceIntentions deny it",
            "Consul holds an intention the custom resources do not (created with the consul CLI or UI, or a resource not yet deleted from Consul): list them with `consul intention list` and keep one source of truth."),
        IntentionAgreement.ConsulDenies => (
            $"Consul denies {source} -> {destination} although the cluster's ServiceIntentions allow it",
            "Consul has not taken the allowing ServiceIntentions: check its Synced condition (kubectl get serviceintentions) and the controller's reason, or an intention created outside Kubernetes that takes precedence (consul intention list)."),
        _ => throw new ArgumentOutOfRangeException(nameof(agreement), agreement, "Only a disagreement has words."),
    };
}
