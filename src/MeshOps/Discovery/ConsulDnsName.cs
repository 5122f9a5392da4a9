using MeshOps.Rules.Text;

namespace MeshOps.Discovery;

/// <summary>The kind of Consul DNS lookup a name asks for (the label before the locality labels).</summary>
public enum ConsulDnsKind
{
    /// <summary><c>[tag.]svc.service[.locality].consul</c>: the healthy instances' addresses.</summary>
    Service,

    /// <summary><c>svc.connect.consul</c>: the addresses of the service's mesh proxies.</summary>
    Connect,

    /// <summary><c>svc.virtual[.locality].consul</c>: the virtual IP transparent proxy routes on.</summary>
    Virtual,

    /// <summary><c>svc.ingress.consul</c>: the ingress gateways that expose the service.</summary>
    Ingress,
}

/// <summary>
/// What a Consul DNS name says: the service, the lookup kind, and the locality labels when written. Namespace,
/// Partition and SamenessGroup are Consul Enterprise labels; Peer and Datacenter are null when the name does not say.
/// </summary>
public sealed record ConsulDnsName(
    string Service,
    ConsulDnsKind Kind,
    string? Tag = null,
    string? Namespace = null,
    string? Partition = null,
    string? Peer = null,
    string? Datacenter = null,
    string? SamenessGroup = null)
{
    /// <summary>Consul's default DNS domain (agent config <c>domain</c>); other domains are not recognised.</summary>
    public const string Domain = "consul";

    /// <summary>
    /// True when the name points outside the caller's own datacenter and partition: a cluster peer, a named datacenter
    /// (which may be the local one, but these manifests cannot tell), a partition other than "default", or a sameness
    /// group (whose members span peers or partitions).
    /// </summary>
    public bool IsRemote =>
        Peer is not null || Datacenter is not null || SamenessGroup is not null || (Partition is not null && Partition != "default");

    /// <summary>
    /// Reads a host as a Consul DNS name, following Consul's own parser (agent/dns/router_query.go
    /// getQueryTypePartsAndSuffixesFromDNSMessage, agent/dns/parser.go parseLabels, agent/dns.go dispatch): the domain
    /// must be the last label; the rightmost query-type label splits the name into the service part before it and the
    /// locality labels after it. Null for anything else, including node, prepared-query and workload lookups (no
    /// service), names in other domains (<c>consul.example.com</c>, <c>my.service.consul.internal</c>) and locality
    /// labels Consul rejects (a datacenter with a peer, an odd number of labels).
    /// </summary>
    public static ConsulDnsName? Parse(string host)
    {
        var labels = host.TrimEnd('.').ToLowerInvariant().Split('.');
        if (labels.Length < 3 || labels[^1] != Domain)
        {
            return null;
        }

        for (var i = labels.Length - 2; i >= 0; i--)
        {
            if (KindOf(labels[i]) is { } kind)
            {
                return i == 0 ? null : Read(kind, labels[..i], labels[(i + 1)..^1]);
            }

            // A label Consul does not know as a query type ends the search only where it could not be locality.
            if (!IsLabel(labels[i]))
            {
                return null;
            }
        }

        return null;
    }

    private static ConsulDnsKind? KindOf(string label) => label switch
    {
        "service" => ConsulDnsKind.Service,
        "connect" => ConsulDnsKind.Connect,
        "virtual" => ConsulDnsKind.Virtual,
        "ingress" => ConsulDnsKind.Ingress,
        _ => null,
    };

    private static ConsulDnsName? Read(ConsulDnsKind kind, string[] parts, string[] locality)
    {
        if (!TryReadService(kind, parts, out var service, out var tag) || !TryReadLocality(locality, out var labels))
        {
            return null;
        }

        var name = new ConsulDnsName(service, kind, tag, labels.Namespace, labels.Partition, labels.Peer, labels.Datacenter, labels.SamenessGroup);
        if (labels.PeerOrDatacenter is { } either)
        {
            // One bare locality label is a peer for virtual lookups and a datacenter for the others
            // (agent/dns/query_locality.go: "this field should only be a peer for virtual queries").
            name = kind == ConsulDnsKind.Virtual ? name with { Peer = either } : name with { Datacenter = either };
        }

        return name;
    }

    /// <summary>
    /// The service is the last label before the query type. Service lookups also take a tag before it, or RFC 2782's
    /// <c>_svc._tag</c> (agent/dns.go: "_tcp" means no tag); the other kinds only use the last label.
    /// </summary>
    private static bool TryReadService(ConsulDnsKind kind, string[] parts, out string service, out string? tag)
    {
        service = "";
        tag = null;
        if (kind == ConsulDnsKind.Service && parts.Length == 2 && parts[0].StartsWith('_') && parts[1].StartsWith('_'))
        {
            service = parts[0][1..];
            tag = parts[1] == "_tcp" ? null : parts[1][1..];
            return IsLabel(service) && (tag is null || IsLabel(tag));
        }

        if (!parts.All(IsLabel) || (kind != ConsulDnsKind.Service && parts.Length > 1))
        {
            return false;
        }

        service = parts[^1];
        tag = parts.Length > 1 ? string.Join('.', parts[..^1]) : null;
        return true;
    }

    /// <summary>
    /// agent/dns/parser.go parseLabels: nothing; one label (peer or datacenter, by lookup kind); or up to three
    /// value/key pairs with keys ns, ap, dc (or cluster), peer and sg, where a datacenter excludes a peer and a
    /// sameness group excludes both. Two labels whose key is unknown are the legacy <c>namespace.datacenter</c>.
    /// </summary>
    private static bool TryReadLocality(string[] labels, out LocalityLabels locality)
    {
        locality = new LocalityLabels();
        if (!labels.All(IsLabel))
        {
            return false;
        }

        switch (labels.Length)
        {
            case 0:
                return true;
            case 1:
                locality.PeerOrDatacenter = labels[0];
                return true;
            case 2 or 4 or 6:
                for (var i = 0; i < labels.Length; i += 2)
                {
                    var value = labels[i];
                    switch (labels[i + 1])
                    {
                        case "ns": locality.Namespace = value; break;
                        case "ap": locality.Partition = value; break;
                        case "dc" or "cluster": locality.Datacenter = value; break;
                        case "peer": locality.Peer = value; break;
                        case "sg": locality.SamenessGroup = value; break;
                        default:
                            if (labels.Length != 2)
                            {
                                return false;
                            }

                            locality = new LocalityLabels { Namespace = labels[0], PeerOrDatacenter = labels[1] };
                            return true;
                    }
                }

                return !(locality.Datacenter is not null && locality.Peer is not null)
                    && !(locality.SamenessGroup is not null && (locality.Datacenter is not null || locality.Peer is not null));
            default:
                return false;
        }
    }

    // Consul answers only names that are valid DNS labels; service names on Kubernetes are RFC 1123 labels.
    private static bool IsLabel(string label) => Dns1123.IsValidLabel(label);

    private sealed class LocalityLabels
    {
        public string? Namespace { get; set; }

        public string? Partition { get; set; }

        public string? Datacenter { get; set; }

        public string? Peer { get; set; }

        public string? SamenessGroup { get; set; }

        public string? PeerOrDatacenter { get; set; }
    }
}
