namespace MeshOps.Envoy.Config;

/// <summary>
/// One intention as the sidecar enforces it: its source, what it does, the higher-precedence sources it excepts (how
/// Consul folds precedence into RBAC), and for an L7 intention its permissions. <see cref="IntentionSource"/> is null when a
/// policy is not one Consul writes (an escape-hatch filter); <see cref="Principal"/> then says what it matches.
/// </summary>
public sealed record EnvoyIntention
{
    public required EnvoySource Source { get; init; }

    public string? Pod => Source.Pod;

    /// <summary>The pod's namespace (= Source.Namespace), so piping to another Envoy cmdlet binds -Pod and -Namespace together.</summary>
    public string? Namespace => Source.Namespace;

    public required string Listener { get; init; }

    /// <summary>The service this sidecar fronts (the intention's destination), from the bootstrap node; null when not known.</summary>
    public string? Destination { get; init; }

    /// <summary>Who the intention is about (named so, as <see cref="Source"/> is where the answer came from).</summary>
    public EnvoyIntentionSource? IntentionSource { get; init; }

    public string? SourceService => IntentionSource?.Service;

    public string? SourceNamespace => IntentionSource?.Namespace;

    public string? SourcePartition => IntentionSource?.Partition;

    public string? SourcePeer => IntentionSource?.Peer;

    /// <summary>Sources of higher-precedence intentions this one does not apply to (<c>and_ids</c> / <c>not_id</c>).</summary>
    public IReadOnlyList<EnvoyIntentionSource> Except { get; init; } = [];

    public EnvoyRbacAction Action { get; init; }

    /// <summary>True for an intention with HTTP permissions (a <c>consul-intentions-layer7-N</c> policy).</summary>
    public bool IsLayer7 { get; init; }

    public IReadOnlyList<EnvoyIntentionPermission> Permissions { get; init; } = [];

    /// <summary>The RBAC policy it was read from (<c>consul-intentions-layer4</c>, <c>consul-intentions-layer7-0</c>).</summary>
    public required string Policy { get; init; }

    /// <summary><c>envoy.filters.network.rbac</c> or <c>envoy.filters.http.rbac</c>.</summary>
    public required string FilterName { get; init; }

    /// <summary>A principal not in Consul's shapes, described (a metadata or header match), else null.</summary>
    public string? Principal { get; init; }

    public string Layer => IsLayer7 ? "L7" : "L4";

    public override string ToString() =>
        $"{IntentionSource?.ToString() ?? Principal} -> {Destination ?? Listener}: {Action}" + (Except.Count > 0 ? $" except {string.Join(", ", Except)}" : "");
}
