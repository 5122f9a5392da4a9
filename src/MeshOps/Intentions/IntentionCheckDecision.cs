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
}
