namespace MeshOps.Envoy.Config;

/// <summary>
/// An RBAC filter of a listener turned back into the intentions it came from. Consul writes
/// <c>envoy.filters.network.rbac</c> (stat prefix <c>connect_authz</c>) for a TCP service and
/// <c>envoy.filters.http.rbac</c> inside the HTTP connection manager for an HTTP one (hashicorp/consul
/// agent/xds/rbac.go): with the default policy deny the filter is an allow-list (action ALLOW), with default allow a
/// deny-list (action DENY), and each intention's precedence is folded into "except" clauses.
/// </summary>
public sealed record EnvoyRbacFilter
{
    public required EnvoySource Source { get; init; }

    public string? Pod => Source.Pod;

    /// <summary>The pod's namespace (= Source.Namespace), so piping to another Envoy cmdlet binds -Pod and -Namespace together.</summary>
    public string? Namespace => Source.Namespace;

    public required string Listener { get; init; }

    /// <summary><c>envoy.filters.network.rbac</c> or <c>envoy.filters.http.rbac</c>.</summary>
    public required string FilterName { get; init; }

    /// <summary>True for the HTTP filter (L7 permissions possible), false for the network one.</summary>
    public bool IsHttp { get; init; }

    public string? StatPrefix { get; init; }

    /// <summary>False when the filter has no <c>rules</c>: Envoy then enforces nothing and lets everything through.</summary>
    public bool Enforced { get; init; }

    /// <summary>What the listed policies do (Envoy's <c>action</c>; ALLOW when omitted, proto3's default).</summary>
    public EnvoyRbacAction Action { get; init; }

    /// <summary>What happens to a source no intention names: the opposite of <see cref="Action"/> (allow when not enforced).</summary>
    public EnvoyRbacAction DefaultAction => !Enforced ? EnvoyRbacAction.Allow : Action == EnvoyRbacAction.Deny ? EnvoyRbacAction.Allow : EnvoyRbacAction.Deny;

    public IReadOnlyList<EnvoyIntention> Intentions { get; init; } = [];
}
