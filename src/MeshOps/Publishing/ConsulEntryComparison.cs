using System.Text.Json.Nodes;
using MeshOps.Authoring.Compare;

namespace MeshOps.Publishing;

/// <summary>
/// Reads a Consul config entry back against the resource applied: the entry's kind and name as consul-k8s writes
/// them (ToConsul in consul-k8s api/v1alpha1: kebab-case kind; a ServiceIntentions is the entry of its destination,
/// ProxyDefaults is "global", Mesh is "mesh"), and the fields the resource set that the entry holds differently. It is a
/// projection over <see cref="SpecComparer"/>, the comparator Compare-MeshConfig uses: the spec renamed to Consul's
/// fields and read in its desired-fields-only mode, since Consul adds its own (CreateIndex, Meta, a source's Precedence
/// and Type).
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

    // Namespaces and partitions are Consul Enterprise's: Consul CE leaves them out of what it answers, and writes no
    // "default" where a resource says it. They still tell two sources of one name apart.
    private static readonly SpecCompareOptions Reading = new()
    {
        DesiredFieldsOnly = true,
        ItemQualifier = (qualifier, value) => qualifier is "namespace" or "partition" && value == "default" ? string.Empty : value,
        SkipField = segments => segments.Count > 0 && segments[^1] is "Namespace" or "Partition" && segments[0] is not "Config",
    };

    // consul-k8s writes these into Consul's "default" namespace whatever the resource's (ConsulGlobalResource).
    private static readonly HashSet<string> GlobalKinds = new(StringComparer.Ordinal)
    {
        "proxy-defaults", "mesh", "exported-services", "jwt-provider", "control-plane-request-limit",
    };

    /// <summary>
    /// The Consul namespace consul-k8s writes the resource's entry into (its controller's consulNamespace): null
    /// without Enterprise namespaces, "default" for a global kind, a ServiceIntentions' destination namespace when it
    /// names one, else the resource's Kubernetes namespace as the injector settings place it.
    /// </summary>
    public static string? NamespaceOf(DesiredObject desired, Model.ConsulNamespaces namespaces)
    {
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(namespaces);
        if (namespaces.Enabled != true || EntryOf(desired) is not { } entry)
        {
            return null;
        }

        return GlobalKinds.Contains(entry.Kind) ? Rules.Intentions.ConsulNames.DefaultNamespace
            : entry.Kind == "service-intentions" && (string?)desired.Body["spec"]?["destination"]?["namespace"] is { Length: > 0 } destination ? destination
            : namespaces.Of(desired.Namespace);
    }

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
        var applied = AsConsulWrites(desired.Body["spec"] as JsonObject ?? []);
        if (desired.Kind == "ServiceIntentions")
        {
            // The destination is the entry's Name, compared by finding the entry at all.
            applied.Remove("Destination");
        }

        return [.. SpecComparer.CompareValues(applied, entry, root: string.Empty, Reading)
            .Select(d => new EntryDifference(d.Difference.Path, d.DesiredJson ?? "(unset)", d.CurrentJson ?? "(unset)"))];
    }

    // The spec with consul-k8s' CRD field names (camelCase) as Consul's entry names them (PascalCase); a proxy's
    // config is passed to Consul as written, so its keys stay as they are.
    private static JsonObject AsConsulWrites(JsonObject spec)
    {
        var renamed = new JsonObject();
        foreach (var (key, value) in spec)
        {
            var name = ConsulName(key);
            renamed[name] = name == "Config" ? value?.DeepClone() : Renamed(value);
        }

        return renamed;
    }

    private static JsonNode? Renamed(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.Select(p => KeyValuePair.Create(ConsulName(p.Key), Renamed(p.Value)))),
        JsonArray list => new JsonArray([.. list.Select(Renamed)]),
        _ => node?.DeepClone(),
    };

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
