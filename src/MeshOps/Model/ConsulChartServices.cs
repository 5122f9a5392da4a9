using System.Text.Json;
using MeshOps.Consul.Helm;
using MeshOps.Sources;

namespace MeshOps.Model;

/// <summary>
/// The Services and Consul services the consul-k8s chart installs, as its values imply them (hashicorp/consul-k8s
/// charts/consul/templates, read at a507b1d1): apps call the servers' API, the UI, the gateways and the telemetry
/// collector, so a call to one of them is not a call to nothing. Kubernetes Service names start with the chart's
/// fullname (fullnameOverride, else global.name); without either they depend on the release name, which values do not
/// hold, and only the Consul service names are inferred.
/// </summary>
internal static class ConsulChartServices
{
    public static IEnumerable<KnownService> Infer(ManifestResource values)
    {
        var model = (ConsulHelmValues)values.Model!;
        var sections = model.Other ?? [];
        var global = model.Global?.Other ?? [];
        var fullname = Text(sections, "fullnameOverride") ?? Text(global, "name");
        fullname = fullname is null ? null : Truncated(fullname);
        var globalEnabled = Flag(global, "enabled") ?? true;

        KnownService Known(string name, params object[] path) =>
            new(name, null, $"implied by {string.Join('.', path.Select(p => p.ToString()))} in {MeshSettingsReader.Short(values.LocationOf(path))}");

        // server-service.yaml, ui-service.yaml: "-" (the default) inherits global.enabled.
        var serverEnabled = Flag(sections, "server", "enabled") ?? globalEnabled;
        if (serverEnabled)
        {
            // Consul servers register themselves in the catalog as "consul".
            yield return Known("consul", "server");
            if (fullname is not null)
            {
                yield return Known($"{fullname}-server", "server");
                if ((Flag(sections, "ui", "enabled") ?? globalEnabled) && (Flag(sections, "ui", "service", "enabled") ?? true))
                {
                    yield return Known($"{fullname}-ui", "ui");
                }
            }
        }

        // dns-service.yaml: "-" inherits connectInject.transparentProxy.defaultEnabled; dns.proxy replaces it with -dns-proxy.
        var dnsEnabled = Flag(sections, "dns", "enabled") ?? model.ConnectInject?.TransparentProxy?.DefaultEnabled ?? true;
        if (fullname is not null && dnsEnabled)
        {
            yield return Flag(sections, "dns", "proxy", "enabled") == true ? Known($"{fullname}-dns-proxy", "dns", "proxy") : Known($"{fullname}-dns", "dns");
        }

        // mesh-gateway-service.yaml; the gateway registers in Consul as meshGateway.consulServiceName.
        if (Flag(sections, "meshGateway", "enabled") == true)
        {
            yield return Known(Text(sections, "meshGateway", "consulServiceName") ?? "mesh-gateway", "meshGateway");
            if (fullname is not null)
            {
                yield return Known($"{fullname}-mesh-gateway", "meshGateway");
            }
        }

        // ingress-gateways-service.yaml, terminating-gateways-service.yaml: one per gateways[].name (default one gateway
        // named after the kind), registered in Consul under that name, as Service <fullname>-<name>.
        foreach (var (section, defaultName) in new[] { ("ingressGateways", "ingress-gateway"), ("terminatingGateways", "terminating-gateway") })
        {
            if (Flag(sections, section, "enabled") != true)
            {
                continue;
            }

            var names = Find(sections, section, "gateways") is { ValueKind: JsonValueKind.Array } gateways
                ? gateways.EnumerateArray().Select(g => Text(g, "name")).OfType<string>().ToList()
                : [defaultName];
            foreach (var name in names)
            {
                yield return Known(name, section);
                if (fullname is not null)
                {
                    yield return Known($"{fullname}-{name}", section);
                }
            }
        }

        // telemetry-collector-service.yaml: a fixed name, which each consul-dataplane looks up.
        if (Flag(sections, "telemetryCollector", "enabled") == true)
        {
            yield return Known("consul-telemetry-collector", "telemetryCollector", "enabled");
        }
    }

    /// <summary>Helm's trunc 63 | trimSuffix "-".</summary>
    private static string Truncated(string name) => (name.Length > 63 ? name[..63] : name).TrimEnd('-');

    private static JsonElement? Find(Dictionary<string, JsonElement> root, string first, params string[] rest)
    {
        if (!root.TryGetValue(first, out var current))
        {
            return null;
        }

        foreach (var key in rest)
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(key, out current))
            {
                return null;
            }
        }

        return current;
    }

    /// <summary>true or false as the chart's templates read it; null for "-" (inherit) and anything not a flag.</summary>
    private static bool? Flag(Dictionary<string, JsonElement> root, string first, params string[] rest) => Find(root, first, rest) switch
    {
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        { ValueKind: JsonValueKind.String } text when bool.TryParse(text.GetString(), out var flag) => flag,
        _ => null,
    };

    private static string? Text(Dictionary<string, JsonElement> root, string first, params string[] rest) =>
        Find(root, first, rest) is { ValueKind: JsonValueKind.String } text && text.GetString() is { Length: > 0 } value ? value : null;

    private static string? Text(JsonElement element, string key) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String
            && value.GetString() is { Length: > 0 } text ? text : null;
}
