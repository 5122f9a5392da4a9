namespace MeshOps.Envoy;

/// <summary>
/// An Envoy cluster name as Consul builds it (hashicorp/consul agent/connect/sni.go), decoded into the service it
/// reaches. Upstream clusters are SNI names whose trust domain (<c>&lt;uuid&gt;.consul</c>) follows a marker label:
/// <c>[subset.]svc.ns.dc.internal.td</c> (default partition), <c>[subset.]svc.ns.ap.dc.internal-v1.td</c>,
/// <c>svc.ns.ap.peer.external.td</c> (peered) and <c>svc.default.dc.query.td</c>. Consul prefixes some with a tag and
/// <c>~</c> (<c>failover-target~</c>, <c>passthrough~</c>, a hash for redirects), kept in <see cref="Prefix"/>.
/// </summary>
public sealed record ConsulClusterName
{
    private static readonly Dictionary<string, EnvoyClusterRole> FixedNames = new(StringComparer.Ordinal)
    {
        ["local_app"] = EnvoyClusterRole.LocalApp,
        ["local_agent"] = EnvoyClusterRole.ControlPlane,
        ["consul-dataplane"] = EnvoyClusterRole.ControlPlane,
        ["original-destination"] = EnvoyClusterRole.OriginalDestination,
        ["prometheus_backend"] = EnvoyClusterRole.Telemetry,
        ["self_admin"] = EnvoyClusterRole.Telemetry,
    };

    private ConsulClusterName(string name, EnvoyClusterRole role)
    {
        Name = name;
        Role = role;
    }

    /// <summary>The cluster name as Envoy prints it.</summary>
    public string Name { get; }

    public EnvoyClusterRole Role { get; }

    public string? Service { get; private init; }

    public string? Namespace { get; private init; }

    /// <summary>The admin partition; <c>default</c> for names without one.</summary>
    public string? Partition { get; private init; }

    /// <summary>The datacenter; null for a peered upstream (see <see cref="Peer"/>).</summary>
    public string? Datacenter { get; private init; }

    public string? Peer { get; private init; }

    /// <summary>The service subset a service-resolver defines, when the name carries one.</summary>
    public string? Subset { get; private init; }

    /// <summary>The trust domain of the Consul CA (<c>bc3815c2-….consul</c>).</summary>
    public string? TrustDomain { get; private init; }

    /// <summary>What precedes <c>~</c> (<c>failover-target</c>, <c>passthrough</c>, a redirect hash), if anything.</summary>
    public string? Prefix { get; private init; }

    /// <summary>Decodes a cluster name; never throws: a name Consul does not make comes back as <see cref="EnvoyClusterRole.Other"/>.</summary>
    public static ConsulClusterName Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (FixedNames.TryGetValue(name, out var role))
        {
            return new ConsulClusterName(name, role);
        }

        var tilde = name.LastIndexOf('~');
        var prefix = tilde > 0 ? name[..tilde] : null;
        var sni = tilde >= 0 ? name[(tilde + 1)..] : name;
        var decoded = DecodeSni(name, sni.Split('.'));
        return decoded is null ? new ConsulClusterName(name, EnvoyClusterRole.Other) : decoded with { Prefix = prefix };
    }

    /// <summary>
    /// Whether this cluster reaches <paramref name="service"/> (in <paramref name="namespace"/>, when given): the match
    /// <c>-Cluster products-api</c> makes, whatever the subset, partition, datacenter or peer.
    /// </summary>
    public bool Reaches(string service, string? @namespace = null) =>
        Role is EnvoyClusterRole.Upstream or EnvoyClusterRole.PeeredUpstream or EnvoyClusterRole.PreparedQuery
        && string.Equals(Service, service, StringComparison.OrdinalIgnoreCase)
        && (@namespace is null || string.Equals(Namespace, @namespace, StringComparison.OrdinalIgnoreCase));

    public override string ToString() => Name;

    private static ConsulClusterName? DecodeSni(string name, string[] labels)
    {
        // The trust domain is what follows the marker, and it has at least two labels (<uuid>.consul); a subset adds one
        // label in front, so each layout is tried at its two marker positions.
        for (var marker = 3; marker <= 5 && marker < labels.Length - 2; marker++)
        {
            var trustDomain = string.Join('.', labels, marker + 1, labels.Length - marker - 1);
            var decoded = labels[marker] switch
            {
                "internal" when marker is 3 or 4 => new ConsulClusterName(name, EnvoyClusterRole.Upstream)
                {
                    Subset = marker == 4 ? labels[0] : null,
                    Service = labels[marker - 3],
                    Namespace = labels[marker - 2],
                    Partition = "default",
                    Datacenter = labels[marker - 1],
                },
                "internal-v1" when marker is 4 or 5 => new ConsulClusterName(name, EnvoyClusterRole.Upstream)
                {
                    Subset = marker == 5 ? labels[0] : null,
                    Service = labels[marker - 4],
                    Namespace = labels[marker - 3],
                    Partition = labels[marker - 2],
                    Datacenter = labels[marker - 1],
                },
                "external" when marker == 4 => new ConsulClusterName(name, EnvoyClusterRole.PeeredUpstream)
                {
                    Service = labels[0],
                    Namespace = labels[1],
                    Partition = labels[2],
                    Peer = labels[3],
                },
                "query" when marker == 3 => new ConsulClusterName(name, EnvoyClusterRole.PreparedQuery)
                {
                    Service = labels[0],
                    Namespace = labels[1],
                    Datacenter = labels[2],
                },
                _ => null,
            };
            if (decoded is not null && labels[..marker].All(l => l.Length > 0))
            {
                return decoded with { TrustDomain = trustDomain };
            }
        }

        return null;
    }
}
