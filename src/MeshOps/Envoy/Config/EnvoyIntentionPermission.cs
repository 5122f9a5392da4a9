namespace MeshOps.Envoy.Config;

/// <summary>
/// One L7 permission of an intention as Consul converts it (agent/xds/rbac.go <c>convertPermission</c>): a path
/// (exact, prefix or regex), header matches and the methods (one <c>:method</c> regex <c>GET|POST</c>). Earlier
/// permissions of the same intention are folded in as <see cref="Except"/>.
/// </summary>
public sealed record EnvoyIntentionPermission
{
    public EnvoyRbacAction Action { get; init; }

    public string? PathExact { get; init; }

    public string? PathPrefix { get; init; }

    public string? PathRegex { get; init; }

    public IReadOnlyList<string> Methods { get; init; } = [];

    public IReadOnlyList<EnvoyHeaderMatch> Headers { get; init; } = [];

    /// <summary>True for Envoy's <c>any: true</c> (every request).</summary>
    public bool Any { get; init; }

    public IReadOnlyList<EnvoyIntentionPermission> Except { get; init; } = [];

    /// <summary>A rule this reader does not know (JWT metadata, destination port), described.</summary>
    public IReadOnlyList<string> Other { get; init; } = [];

    public override string ToString()
    {
        var parts = new List<string>();
        if (Any)
            parts.Add("any");
        if (Methods.Count > 0)
            parts.Add(string.Join('|', Methods));
        if (PathExact is not null)
            parts.Add($"path {PathExact}");
        if (PathPrefix is not null)
            parts.Add($"prefix {PathPrefix}");
        if (PathRegex is not null)
            parts.Add($"regex {PathRegex}");
        parts.AddRange(Headers.Select(h => h.ToString()));
        parts.AddRange(Other);
        var text = parts.Count == 0 ? "any" : string.Join(' ', parts);
        return Except.Count == 0 ? text : $"{text} except ({string.Join("; ", Except)})";
    }
}
