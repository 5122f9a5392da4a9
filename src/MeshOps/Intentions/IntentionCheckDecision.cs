namespace MeshOps.Intentions;

/// <summary>The answer to "may this source connect to this destination", in <c>consul intention check</c>'s words.</summary>
public enum IntentionCheckDecision
{
    Allowed,
    Denied,

    /// <summary>
    /// An L7 intention decides the pair and no request was described: each HTTP request is judged by its permissions.
    /// Consul's check prints Denied for such a pair (agent/consul/intention_endpoint.go Check); saying Denied here would be a guess.
    /// </summary>
    DependsOnRequest,

    /// <summary>
    /// No intention matches and the default policy was not read (no consul-k8s Helm values among the inputs): with ACLs
    /// enabled Consul denies the call, without them it allows it. Or the intentions name Consul namespaces, no values
    /// say which namespace each side registers in, and the namespaces they could be in decide differently. A guess
    /// either way would be no answer.
    /// </summary>
    Unknown,
}
