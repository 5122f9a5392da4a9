using System.Collections.Frozen;
using MeshOps.Sources.Files.Yaml;

namespace MeshOps.Sources.Files;

/// <summary>
/// Tells the consul-k8s chart's values from any other chart's. Values files carry no apiVersion or kind, and other
/// charts share the generic section names (<c>global</c>, <c>server</c>, <c>client</c>, <c>ui</c>: Vault's and Argo CD's
/// values have both <c>global</c> and <c>server</c>), so only names the consul chart alone uses count: its own top-level
/// sections, or a <c>global</c> that holds Consul's settings (charts/consul/values.yaml).
/// </summary>
internal static class ConsulHelmValuesSignature
{
    private static readonly FrozenSet<string> ConsulSections = FrozenSet.ToFrozenSet(
    [
        "connectInject", "meshGateway", "syncCatalog", "ingressGateways", "terminatingGateways", "externalServers",
        "webhookCertManager", "telemetryCollector",
        // A top-level section of consul-k8s 0.x charts, before it moved under connectInject.
        "apiGateway",
    ], StringComparer.Ordinal);

    private static readonly FrozenSet<string> ConsulGlobalSettings = FrozenSet.ToFrozenSet(
    [
        "datacenter", "acls", "gossipEncryption", "federation", "peering", "adminPartitions", "enableConsulNamespaces",
        "imageK8S", "imageConsulDataplane", "imageEnvoy", "secretsBackend", "consulAPITimeout", "consulSidecarContainer",
        "enterpriseLicense", "recursors", "trustedCAs",
    ], StringComparer.Ordinal);

    public static bool Matches(ParsedMapping root)
    {
        foreach (var entry in root.Entries)
        {
            if (entry.Value is ParsedMapping && ConsulSections.Contains(entry.Key))
                return true;
        }
        return root.Get("global") is ParsedMapping global && IsConsulGlobal(global);
    }

    private static bool IsConsulGlobal(ParsedMapping global)
    {
        foreach (var entry in global.Entries)
        {
            if (ConsulGlobalSettings.Contains(entry.Key))
                return true;
        }
        // global.image names the Consul image ("hashicorp/consul:1.21.0", "hashicorp/consul-enterprise:..."), and
        // global.name, the prefix of every object the chart makes, is "consul" in nearly every values file.
        return NamesConsul(global.GetString("image")) || NamesConsul(global.GetString("name"));
    }

    private static bool NamesConsul(string? value) => value is not null && value.Contains("consul", StringComparison.OrdinalIgnoreCase);
}
