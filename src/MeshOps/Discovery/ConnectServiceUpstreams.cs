namespace MeshOps.Discovery;

/// <summary>
/// Parses <c>consul.hashicorp.com/connect-service-upstreams</c> the way consul-k8s' endpoints controller does
/// (processUpstreams): comma-separated entries, each <c>prepared_query:name:port</c>, unlabeled
/// <c>svc[.ns[.partition]]:port[:dc]</c>, or labeled <c>svc.svc[.ns.ns[.x.peer|.x.ap|.x.dc]]:port</c>.
/// </summary>
public static class ConnectServiceUpstreams
{

    /// <summary>
    /// With <paramref name="namespacesOrPartitionsEnabled"/> false (Consul CE), consul-k8s does not split an unlabeled
    /// name on dots, so <c>api.shop:9090</c> means a service literally named "api.shop"; and the labeled form accepts
    /// only <c>svc.svc:port</c> and <c>svc.svc.x.peer|dc:port</c>.
    /// </summary>
    public static UpstreamAnnotation Parse(string annotation, bool namespacesOrPartitionsEnabled = true)
    {
        var upstreams = new List<ExplicitUpstream>();
        var errors = new List<string>();
        foreach (var raw in annotation.Split(','))
        {
            var excerpt = raw.Trim();
            if (excerpt.Length == 0)
            {
                continue;
            }

            var parts = raw.Split(':', 3);
            if (parts.Length < 2)
            {
                errors.Add($"upstream \"{excerpt}\" has no port: expected <service>:<port>");
                continue;
            }

            var serviceParts = parts[0].Split('.');
            var upstream = parts[0].Trim() == "prepared_query" ? PreparedQuery(parts, excerpt)
                : serviceParts.Length >= 2 && serviceParts[1] == "svc" ? Labeled(parts, excerpt, namespacesOrPartitionsEnabled)
                : Unlabeled(parts, excerpt, namespacesOrPartitionsEnabled);
            if (upstream is null)
            {
                errors.Add("upstream structured incorrectly: " + raw);
            }
            else if (upstream.Service.Length == 0)
            {
                errors.Add($"upstream \"{excerpt}\" names no service");
            }
            else if (upstream.LocalPort == 0 && string.IsNullOrEmpty(upstream.PortName))
            {
                // consul-k8s registers nothing usable for an entry whose port resolves to 0.
                errors.Add($"upstream \"{excerpt}\" has no port: expected <service>:<port>");
            }
            else
            {
                upstreams.Add(upstream);
            }
        }

        return new UpstreamAnnotation(upstreams, errors);
    }

    private static ExplicitUpstream? PreparedQuery(string[] parts, string excerpt) =>
        parts.Length < 3 ? null : WithPort(new ExplicitUpstream(parts[1].Trim(), null, 0, null, excerpt) { IsPreparedQuery = true }, parts[2]);

    private static ExplicitUpstream Unlabeled(string[] parts, string excerpt, bool namespacesOrPartitionsEnabled)
    {
        string service;
        string? ns = null;
        string? partition = null;
        if (namespacesOrPartitionsEnabled)
        {
            var pieces = parts[0].Split('.', 3);
            service = pieces[0].Trim();
            ns = pieces.Length > 1 ? pieces[1].Trim() : null;
            partition = pieces.Length > 2 ? pieces[2].Trim() : null;
        }
        else
        {
            service = parts[0].Trim();
        }

        var datacenter = parts.Length > 2 ? parts[2].Trim() : null;
        return WithPort(new ExplicitUpstream(service, ns, 0, datacenter, excerpt) { Partition = partition }, parts[1]);
    }

    // Mirrors processLabeledUpstream's accepted shapes; any other shape is "structured incorrectly".
    private static ExplicitUpstream? Labeled(string[] parts, string excerpt, bool namespacesOrPartitionsEnabled)
    {
        var pieces = parts[0].Split('.').Select(p => p.Trim()).ToArray();
        string? ns = null;
        string? peer = null;
        string? partition = null;
        string? datacenter = null;
        var qualifierAt = namespacesOrPartitionsEnabled ? 4 : 2;
        var validLengths = namespacesOrPartitionsEnabled ? new[] { 2, 4, 6 } : [2, 4];
        if (!validLengths.Contains(pieces.Length) || pieces[1] != "svc")
        {
            return null;
        }

        if (namespacesOrPartitionsEnabled && pieces.Length >= 4)
        {
            if (pieces[3] != "ns")
            {
                return null;
            }

            ns = pieces[2];
        }

        if (pieces.Length == qualifierAt + 2)
        {
            switch (pieces[qualifierAt + 1])
            {
                case "peer":
                    peer = pieces[qualifierAt];
                    break;
                case "ap" when namespacesOrPartitionsEnabled:
                    partition = pieces[qualifierAt];
                    break;
                case "dc":
                    datacenter = pieces[qualifierAt];
                    break;
                default:
                    return null;
            }
        }

        return WithPort(new ExplicitUpstream(pieces[0], ns, 0, datacenter, excerpt) { Peer = peer, Partition = partition }, parts[1]);
    }

    private static ExplicitUpstream WithPort(ExplicitUpstream upstream, string portText)
    {
        var port = portText.Trim();
        return EndpointSyntax.TryParsePort(port, out var number)
            ? upstream with { LocalPort = number }
            : upstream with { PortName = port };
    }
}
