using System.Text.Json.Nodes;

namespace MeshOps.Publishing;

/// <summary>
/// Reads a Consul config entry back against the resource applied: the entry's kind and name as consul-k8s writes
/// them (ToConsul in consul-k8s api/v1alpha1: kebab-case kind; a ServiceIntentions is the entry of its destination,
/// ProxyDefaults is "global", Mesh is "mesh"), and the fields the resource set that the entry holds differently. Only
/// the fields applied are compared: Consul adds its own (CreateIndex, Meta, a source's Precedence and Type).
/// </summary>
public static class ConsulEntryComparison
{
    private static readonly Dictionary<string, string> Kinds = new(StringComparer.Ordinal)
    {
        ["ServiceDefaults"] = "service-defaults",
        ["ServiceIntentions"] = "service-intentions",
        ["ProxyDefaults"] = "proxy-defaults",
        ["ServiceRouter"] = "service-router",
        ["ServiceResolver"] = "service-resolver",
        ["ServiceSplitter"] = "service-splitter",
        ["Mesh"] = "mesh",
        ["IngressGateway"] = "ingress-gateway",
        ["TerminatingGateway"] = "terminating-gateway",
        ["ExportedServices"] = "exported-services",
        ["SamenessGroup"] = "sameness-group",
        ["JWTProvider"] = "jwt-provider",
        ["ControlPlaneRequestLimit"] = "control-plane-request-limit",
    };

    // Namespaces and partitions are Consul Enterprise's: Consul CE leaves them out of what it answers.
    private static readonly HashSet<string> EnterpriseOnly = new(StringComparer.Ordinal) { "namespace", "partition" };

    /// <summary>The entry consul-k8s writes for the resource (kind, name), or null for a kind that is no config entry.</summary>
    public static (string Kind, string Name)? EntryOf(DesiredObject desired)
    {
        ArgumentNullException.ThrowIfNull(desired);
        if (!Kinds.TryGetValue(desired.Kind, out var kind))
        {
            return null;
        }

        var name = kind switch
        {
            "service-intentions" => (string?)desired.Body["spec"]?["destination"]?["name"] ?? desired.Name,
            "proxy-defaults" => "global",
            "mesh" => "mesh",
            _ => desired.Name,
        };
        return (kind, name);
    }

    /// <summary>Each field the resource's spec set that the entry holds differently, as "Field: applied …, Consul has …".</summary>
    public static IReadOnlyList<EntryDifference> Differences(DesiredObject desired, JsonObject entry)
    {
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(entry);
        var differences = new List<EntryDifference>();
        var spec = desired.Body["spec"] as JsonObject ?? [];
        foreach (var (key, applied) in spec)
        {
            // The destination is the entry's Name, compared by finding the entry at all.
            if (desired.Kind == "ServiceIntentions" && key == "destination")
            {
                continue;
            }

            Compare(ConsulName(key), applied, entry[ConsulName(key)], differences, raw: key == "config");
        }

        return differences;
    }

    private static void Compare(string field, JsonNode? applied, JsonNode? consul, List<EntryDifference> differences, bool raw)
    {
        if (IsEmpty(applied) && IsEmpty(consul))
        {
            return;
        }

        switch (applied)
        {
            case JsonObject obj when consul is JsonObject theirs:
                foreach (var (key, value) in obj)
                {
                    if (EnterpriseOnly.Contains(key) && !raw)
                    {
                        continue;
                    }

                    var name = raw ? key : ConsulName(key);
                    Compare($"{field}.{name}", value, theirs[name], differences, raw);
                }

                break;
            case JsonArray list when consul is JsonArray theirs:
                CompareLists(field, list, theirs, differences, raw);
                break;
            default:
                if (!SameValue(applied, consul))
                {
                    differences.Add(new EntryDifference(field, Show(applied), Show(consul)));
                }

                break;
        }
    }

    // Consul keeps one source per name, namespace, partition and peer (Enterprise: the same name in two namespaces is two
    // sources); an empty namespace or partition is "default", as Consul CE writes none.
    private static (string? Name, string Namespace, string Partition, string Peer) SourceKey(JsonObject item, bool raw)
    {
        string Text(string camel) => (string?)item[raw ? camel : char.ToUpperInvariant(camel[0]) + camel[1..]] ?? string.Empty;
        static string Tenancy(string value) => value is "" or "default" ? string.Empty : value;
        return (Text("name"), Tenancy(Text("namespace")), Tenancy(Text("partition")), Text("peer"));
    }

    // Items with a name (intention sources, header matches) are matched by their key, as Consul keeps one per key; others by position.
    private static void CompareLists(string field, JsonArray applied, JsonArray consul, List<EntryDifference> differences, bool raw)
    {
        var named = applied.All(i => i is JsonObject o && o["name"] is JsonValue);
        for (var i = 0; i < applied.Count; i++)
        {
            if (named)
            {
                var name = (string?)applied[i]!["name"];
                var key = SourceKey((JsonObject)applied[i]!, raw: true);
                var theirs = consul.OfType<JsonObject>().FirstOrDefault(c => SourceKey(c, raw) == key);
                Compare($"{field}[{name}]", applied[i], theirs, differences, raw);
            }
            else
            {
                Compare($"{field}[{i}]", applied[i], i < consul.Count ? consul[i] : null, differences, raw);
            }
        }

        if (consul.Count > applied.Count && !named)
        {
            differences.Add(new EntryDifference(field, $"{applied.Count} item(s)", $"{consul.Count} item(s)"));
        }
    }

    private static bool SameValue(JsonNode? applied, JsonNode? consul) =>
        JsonNode.DeepEquals(applied, consul)
        || (applied is JsonValue a && consul is JsonValue c && string.Equals(a.ToJsonString(), c.ToJsonString(), StringComparison.Ordinal));

    // Consul leaves zero values out of what it answers (omitempty), so unset and zero read the same.
    private static bool IsEmpty(JsonNode? node) => node switch
    {
        null => true,
        JsonObject o => o.Count == 0,
        JsonArray a => a.Count == 0,
        JsonValue v when v.TryGetValue<string>(out var s) => s.Length == 0,
        JsonValue v when v.TryGetValue<bool>(out var b) => !b,
        JsonValue v when v.TryGetValue<double>(out var d) => d == 0,
        _ => false,
    };

    private static string Show(JsonNode? node) => node is null ? "(unset)" : node.ToJsonString();

    /// <summary>consul-k8s' CRD field (camelCase) as Consul's entry names it (PascalCase, HTTP/JWT/TLS in capitals).</summary>
    private static string ConsulName(string key) => key switch
    {
        "http" => "HTTP",
        "jwt" => "JWT",
        "tls" => "TLS",
        _ when key.Length > 0 => char.ToUpperInvariant(key[0]) + key[1..],
        _ => key,
    };
}

/// <summary>One field of a Consul config entry that differs from what was applied.</summary>
public sealed record EntryDifference(string Field, string Applied, string Consul)
{
    public override string ToString() => $"{Field}: applied {Applied}, Consul has {Consul}";
}
