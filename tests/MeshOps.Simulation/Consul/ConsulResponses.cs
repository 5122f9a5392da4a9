using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace MeshOps.Simulation.Consul;

/// <summary>
/// The bodies of each endpoint, built from a <see cref="ConsulState"/> with the field names, casing and nesting of the
/// Consul API docs' samples (/work/shared/reference/consul-api). Fields Consul writes only when set (ServiceKind,
/// Service.Kind and Service.Proxy on a connect-proxy) are written only then, as Consul's omitempty does.
/// </summary>
internal static class ConsulResponses
{
    public static JsonNode Leader(ConsulState state) => JsonValue.Create(state.Leader);

    public static JsonNode AgentSelf(ConsulState state) => new JsonObject
    {
        ["Config"] = new JsonObject
        {
            ["Datacenter"] = state.Datacenter,
            ["NodeName"] = ConsulState.NodeName,
            ["NodeID"] = NodeId(ConsulState.NodeName),
            ["Server"] = true,
            ["Revision"] = "920cc7c6",
            ["Version"] = state.Version,
        },
        // Consul documents DebugConfig as "format subject to change"; these are the paths MeshOps reads (research/consul.md §5).
        ["DebugConfig"] = new JsonObject
        {
            ["ACLsEnabled"] = false,
            ["ACLResolverSettings"] = new JsonObject { ["ACLDefaultPolicy"] = state.DefaultAllow ? "allow" : "deny" },
            ["ConnectEnabled"] = true,
            ["DefaultIntentionPolicy"] = "",
        },
        ["Coord"] = new JsonObject
        {
            ["Adjustment"] = 0,
            ["Error"] = 1.5,
            ["Vec"] = new JsonArray(0, 0, 0, 0, 0, 0, 0, 0),
        },
        ["Member"] = new JsonObject
        {
            ["Name"] = ConsulState.NodeName,
            ["Addr"] = state.ServerAddress,
            ["Port"] = 8301,
            ["Tags"] = new JsonObject
            {
                ["bootstrap"] = "1",
                ["dc"] = state.Datacenter,
                ["id"] = NodeId(ConsulState.NodeName),
                ["port"] = "8300",
                ["role"] = "consul",
                ["vsn"] = "2",
                ["vsn_max"] = "3",
                ["vsn_min"] = "2",
            },
            ["Status"] = 1,
            ["ProtocolMin"] = 1,
            ["ProtocolMax"] = 5,
            ["ProtocolCur"] = 2,
            ["DelegateMin"] = 2,
            ["DelegateMax"] = 5,
            ["DelegateCur"] = 4,
        },
        ["Meta"] = new JsonObject { ["consul-network-segment"] = "" },
    };

    /// <summary>Every service name with its tags.</summary>
    public static JsonNode CatalogServices(ConsulState state)
    {
        var services = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var instance in state.Instances)
        {
            if (!services.TryGetValue(instance.Service, out var tags))
            {
                services[instance.Service] = tags = new SortedSet<string>(StringComparer.Ordinal);
            }

            tags.UnionWith(instance.Tags);
        }

        var result = new JsonObject();
        foreach (var (name, tags) in services)
        {
            result[name] = new JsonArray([.. tags.Select(t => (JsonNode)JsonValue.Create(t))]);
        }

        return result;
    }

    public static JsonNode CatalogService(ConsulState state, string service) =>
        new JsonArray([.. state.Instances.Where(i => i.Service == service).Select(i => (JsonNode)CatalogEntry(state, i))]);

    public static JsonNode Health(ConsulState state, string service, bool connect, bool passingOnly, string ns = "default")
    {
        var instances = state.Instances.Where(i => i.Namespace == ns && (connect
            ? i.Kind == ConsulServiceKind.ConnectProxy && i.DestinationService == service
            : i.Service == service));
        if (passingOnly)
        {
            instances = instances.Where(i => i.Health == ConsulCheckStatus.Passing);
        }

        return new JsonArray([.. instances.Select(i => (JsonNode)HealthEntry(state, i))]);
    }

    public static JsonNode IntentionCheck(ConsulState state, string source, string destination)
    {
        // Consul Enterprise takes "ns/name"; a bare name is in "default".
        var (sourceNs, sourceName) = Split(state, source);
        var (destinationNs, destinationName) = Split(state, destination);
        var match = state.Intentions().FirstOrDefault(i => i.MatchesSource(sourceName, sourceNs) && i.MatchesDestination(destinationName, destinationNs));
        // An L7 intention (Permissions, no Action) is reported as deny by Check (consul intention_endpoint.go).
        var allowed = match is null ? state.DefaultAllow : match.Action == ConsulIntentionAction.Allow && !match.HasPermissions;
        return new JsonObject { ["Allowed"] = allowed };
    }

    private static (string Namespace, string Name) Split(ConsulState state, string value) =>
        state.NamespacesEnabled && value.Split('/', 2) is [var ns, var name] ? (ns, name) : ("default", value);

    public static JsonNode IntentionMatch(ConsulState state, bool bySource, IEnumerable<string> names)
    {
        var result = new JsonObject();
        foreach (var name in names)
        {
            var matches = state.Intentions().Where(i => bySource ? i.MatchesSource(name) : i.MatchesDestination(name));
            result[name] = new JsonArray([.. matches.Select(i => (JsonNode)Intention(i, withPrecedence: false))]);
        }

        return result;
    }

    public static JsonNode? IntentionExact(ConsulState state, string source, string destination)
    {
        var found = state.Intentions().FirstOrDefault(i => i.SourceName == source && i.DestinationName == destination);
        return found is null ? null : Intention(found, withPrecedence: true);
    }

    public static JsonNode CaRoots(ConsulState state)
    {
        var root = state.CaRoot;
        return new JsonObject
        {
            ["ActiveRootID"] = root.Id,
            ["TrustDomain"] = state.TrustDomain,
            ["Roots"] = new JsonArray(new JsonObject
            {
                ["ID"] = root.Id,
                ["Name"] = root.Name,
                ["SerialNumber"] = root.SerialNumber,
                ["SigningKeyID"] = root.SigningKeyId,
                ["ExternalTrustDomain"] = state.TrustDomain.Split('.')[0],
                ["NotBefore"] = root.NotBefore.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
                ["NotAfter"] = root.NotAfter.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
                ["RootCert"] = root.RootCertPem,
                ["IntermediateCerts"] = null,
                ["Active"] = true,
                ["PrivateKeyType"] = "ec",
                ["PrivateKeyBits"] = 256,
                ["CreateIndex"] = 8,
                ["ModifyIndex"] = 8,
            }),
        };
    }

    private static JsonObject Intention(ConsulIntention intention, bool withPrecedence)
    {
        var result = new JsonObject
        {
            ["Description"] = intention.Description,
            ["SourceNS"] = intention.SourceNS,
            ["SourceName"] = intention.SourceName,
            ["DestinationNS"] = intention.DestinationNS,
            ["DestinationName"] = intention.DestinationName,
            ["SourceType"] = "consul",
            ["Action"] = intention.Action switch
            {
                ConsulIntentionAction.Allow => "allow",
                ConsulIntentionAction.Deny => "deny",
                _ => "",
            },
            ["Meta"] = new JsonObject(),
        };
        if (withPrecedence)
        {
            result["Precedence"] = intention.Precedence;
        }

        result["CreateIndex"] = intention.CreateIndex;
        result["ModifyIndex"] = intention.ModifyIndex;
        return result;
    }

    private static JsonObject CatalogEntry(ConsulState state, ConsulServiceInstance i)
    {
        var entry = new JsonObject
        {
            ["ID"] = NodeId(i.Node),
            ["Node"] = i.Node,
            ["Address"] = i.NodeAddress,
            ["Datacenter"] = state.Datacenter,
            ["TaggedAddresses"] = new JsonObject { ["lan"] = i.NodeAddress, ["wan"] = i.NodeAddress },
            ["NodeMeta"] = Map(i.NodeMeta),
            ["CreateIndex"] = i.CreateIndex,
            ["ModifyIndex"] = i.ModifyIndex,
            ["ServiceAddress"] = i.Address,
            ["ServiceEnableTagOverride"] = false,
            ["ServiceID"] = i.Id,
            ["ServiceName"] = i.Service,
            ["ServicePort"] = i.Port,
            ["ServiceMeta"] = Map(i.Meta),
            ["ServiceTaggedAddresses"] = ServiceTaggedAddresses(i),
            ["ServiceTags"] = Strings(i.Tags),
        };
        if (i.Kind == ConsulServiceKind.ConnectProxy)
        {
            entry["ServiceKind"] = "connect-proxy";
        }

        entry["ServiceProxy"] = Proxy(i);
        entry["ServiceConnect"] = new JsonObject { ["Native"] = false, ["Proxy"] = null };
        entry["Namespace"] = i.Namespace;
        return entry;
    }

    private static JsonObject HealthEntry(ConsulState state, ConsulServiceInstance i)
    {
        var service = new JsonObject { ["ID"] = i.Id, ["Service"] = i.Service };
        if (i.Kind == ConsulServiceKind.ConnectProxy)
        {
            service["Kind"] = "connect-proxy";
        }

        service["Tags"] = Strings(i.Tags);
        service["Address"] = i.Address;
        service["TaggedAddresses"] = ServiceTaggedAddresses(i);
        service["Meta"] = Map(i.Meta);
        service["Port"] = i.Port;
        service["Weights"] = new JsonObject { ["Passing"] = 1, ["Warning"] = 1 };
        if (i.Kind == ConsulServiceKind.ConnectProxy)
        {
            service["Proxy"] = Proxy(i);
        }

        service["Namespace"] = i.Namespace;
        var status = i.Health.ToString().ToLowerInvariant();
        return new JsonObject
        {
            ["Node"] = new JsonObject
            {
                ["ID"] = NodeId(i.Node),
                ["Node"] = i.Node,
                ["Address"] = i.NodeAddress,
                ["Datacenter"] = state.Datacenter,
                ["TaggedAddresses"] = new JsonObject { ["lan"] = i.NodeAddress, ["wan"] = i.NodeAddress },
                ["Meta"] = Map(i.NodeMeta),
            },
            ["Service"] = service,
            ["Checks"] = new JsonArray(new JsonObject
            {
                ["Node"] = i.Node,
                ["CheckID"] = $"{i.Meta.GetValueOrDefault("k8s-namespace", "default")}/{i.Id}",
                ["Name"] = "Kubernetes Health Check",
                ["Status"] = status,
                ["Notes"] = "",
                ["Output"] = i.Health == ConsulCheckStatus.Passing
                    ? "Kubernetes health checks passing"
                    : $"Pod \"{i.Meta.GetValueOrDefault("k8s-namespace", "default")}/{i.Meta.GetValueOrDefault("pod-name", i.Id)}\" is not ready",
                ["ServiceID"] = i.Id,
                ["ServiceName"] = i.Service,
                ["ServiceTags"] = Strings(i.Tags),
                ["Namespace"] = i.Namespace,
            }),
        };
    }

    private static JsonObject Proxy(ConsulServiceInstance i) => new()
    {
        ["DestinationServiceName"] = i.DestinationService ?? "",
        ["DestinationServiceID"] = i.DestinationServiceId ?? "",
        ["LocalServiceAddress"] = i.Kind == ConsulServiceKind.ConnectProxy ? "127.0.0.1" : "",
        ["LocalServicePort"] = i.LocalServicePort,
        ["Config"] = null,
        ["Upstreams"] = null,
    };

    private static JsonObject ServiceTaggedAddresses(ConsulServiceInstance i) => new()
    {
        ["lan"] = new JsonObject { ["address"] = i.Address, ["port"] = i.Port },
        ["wan"] = new JsonObject { ["address"] = i.Address, ["port"] = i.Port },
    };

    private static JsonObject Map(IReadOnlyDictionary<string, string> map)
    {
        var result = new JsonObject();
        foreach (var (key, value) in map.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            result[key] = value;
        }

        return result;
    }

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)JsonValue.Create(v))]);

    /// <summary>A stable node UUID from its name, so two answers about one node agree.</summary>
    private static string NodeId(string node) => new Guid(MD5.HashData(Encoding.UTF8.GetBytes(node))).ToString();
}
