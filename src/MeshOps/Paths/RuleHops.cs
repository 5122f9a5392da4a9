namespace MeshOps.Paths;

/// <summary>How a rule's finding is tied to a path: by the call it is written at, or by the objects at either end.</summary>
internal enum RuleScope
{
    /// <summary>The finding is located at a call the source writes (an env var, a ConfigMap value): it concerns that call only.</summary>
    Call,

    /// <summary>The finding names an object of one end (its Service, workload, ServiceAccount, config entries, intentions).</summary>
    Ends,
}

/// <summary>The hop a rule's finding decides: for a call, <see cref="Call"/>; for an end, the hop on that side (null: none).</summary>
internal sealed record RuleHop(RuleScope Scope, PathHopName? Source, PathHopName? Destination, PathHopName? Call = null);

/// <summary>
/// The rule catalogue mapped to hops. A rule that is absent breaks no path: MESH206 (no deny-all) and MESH601 (a
/// credential in a ConfigMap) weaken security, MESH207 is a copy the webhook refuses (the cluster keeps the earlier one,
/// whose decision the Intention hop shows), and MESH7xx are compile-time checks of the typed mesh.
/// </summary>
internal static class RuleHops
{
    private static RuleHop OnCall(PathHopName hop) => new(RuleScope.Call, null, null, hop);

    private static RuleHop OnDestination(PathHopName hop) => new(RuleScope.Ends, null, hop);

    private static RuleHop OnBoth(PathHopName source, PathHopName destination) => new(RuleScope.Ends, source, destination);

    public static readonly IReadOnlyDictionary<string, RuleHop> ById = new Dictionary<string, RuleHop>(StringComparer.OrdinalIgnoreCase)
    {
        ["MESH101"] = OnDestination(PathHopName.ServicePort),
        ["MESH102"] = OnDestination(PathHopName.DestinationWorkload),
        ["MESH103"] = OnDestination(PathHopName.Listener),
        ["MESH104"] = OnCall(PathHopName.Name),
        ["MESH105"] = OnCall(PathHopName.ServicePort),
        ["MESH106"] = OnCall(PathHopName.ServicePort),
        // consul-k8s 1.x registers a pod without a declared port on port 0, so its Envoy forwards to nothing: the listener.
        ["MESH107"] = OnDestination(PathHopName.Listener),
        ["MESH108"] = OnBoth(PathHopName.SourceWorkload, PathHopName.DestinationWorkload),
        ["MESH109"] = OnBoth(PathHopName.SourceWorkload, PathHopName.DestinationWorkload),
        ["MESH201"] = OnCall(PathHopName.Intention),
        ["MESH202"] = OnDestination(PathHopName.Intention),
        ["MESH203"] = OnDestination(PathHopName.Intention),
        ["MESH204"] = OnDestination(PathHopName.Intention),
        ["MESH205"] = OnDestination(PathHopName.Intention),
        ["MESH301"] = OnDestination(PathHopName.Protocol),
        ["MESH302"] = OnDestination(PathHopName.Protocol),
        ["MESH303"] = OnDestination(PathHopName.Protocol),
        ["MESH401"] = OnBoth(PathHopName.Identity, PathHopName.Identity),
        ["MESH402"] = OnBoth(PathHopName.Identity, PathHopName.Identity),
        ["MESH403"] = OnBoth(PathHopName.Identity, PathHopName.Identity),
        ["MESH501"] = OnBoth(PathHopName.SourceWorkload, PathHopName.DestinationWorkload),
        ["MESH502"] = OnCall(PathHopName.DestinationWorkload),
        ["MESH503"] = OnBoth(PathHopName.SourceWorkload, PathHopName.DestinationWorkload),
        ["MESH504"] = OnBoth(PathHopName.SourceWorkload, PathHopName.DestinationWorkload),
        ["MESH901"] = OnBoth(PathHopName.SourceWorkload, PathHopName.DestinationWorkload),
        ["MESH902"] = OnBoth(PathHopName.SourceWorkload, PathHopName.DestinationWorkload),
        ["MESH903"] = OnDestination(PathHopName.ServicePort),
    };
}
