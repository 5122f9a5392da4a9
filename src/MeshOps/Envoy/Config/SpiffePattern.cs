namespace MeshOps.Envoy.Config;

/// <summary>
/// Reads an intention source back from the SPIFFE ID pattern Consul matches the client certificate with
/// (hashicorp/consul agent/xds/rbac.go <c>makeSpiffePattern</c>):
/// <c>^spiffe://&lt;host&gt;[/ap/&lt;partition&gt;]/ns/&lt;ns&gt;/dc/[^/]+/svc/&lt;svc&gt;$</c>. The host is <c>[^/]+</c>
/// (older Consul), this mesh's trust domain (newer Consul) or, for a source imported from a peer, the peer's trust
/// domain with the partition it exports from; the datacenter is never checked. A wildcard reads <c>*</c>.
/// </summary>
internal static class SpiffePattern
{
    private const string AnySegment = "[^/]+";

    public static EnvoyIntentionSource? Read(string pattern, bool isRegex, ConfigContext context)
    {
        var text = pattern;
        if (isRegex)
        {
            text = text.Replace(AnySegment, "*", StringComparison.Ordinal).Replace("\\.", ".", StringComparison.Ordinal)
                .Replace("\\-", "-", StringComparison.Ordinal);
            text = text.StartsWith('^') ? text[1..] : text;
            text = text.EndsWith('$') ? text[..^1] : text;
        }

        const string scheme = "spiffe://";
        if (!text.StartsWith(scheme, StringComparison.Ordinal))
        {
            return null;
        }

        var segments = text[scheme.Length..].Split('/');
        var host = segments[0];
        var path = segments.AsSpan(1);
        string partition = "default";
        if (path.Length == 8 && path[0] == "ap")
        {
            partition = path[1];
            path = path[2..];
        }

        if (path.Length != 6 || path[0] != "ns" || path[2] != "dc" || path[4] != "svc" || host.Length == 0)
        {
            return null;
        }

        var trustDomain = host == "*" ? null : host;
        var peered = trustDomain is not null && context.LocalTrustDomain is not null
            && !string.Equals(trustDomain, context.LocalTrustDomain, StringComparison.OrdinalIgnoreCase);
        return new EnvoyIntentionSource
        {
            Service = path[5],
            Namespace = path[1],
            Partition = partition,
            TrustDomain = trustDomain,
            IsPeered = peered,
            Peer = peered && context.PeersByTrustDomain.TryGetValue(trustDomain!, out var peer) ? peer : null,
            Pattern = pattern,
        };
    }
}
