using System.Text.Json;
using MeshOps.Consul;
using MeshOps.Sources;

namespace MeshOps.Model;

/// <summary>
/// The protocol Consul uses for each service: its ServiceDefaults, else ProxyDefaults <c>config.protocol</c>,
/// else tcp. Consul CE has one namespace, so a ServiceDefaults applies by name whatever Kubernetes namespace holds it;
/// one in the service's own namespace wins when there are several.
/// </summary>
public sealed class ProtocolTable
{
    private readonly Dictionary<string, List<ManifestResource>> _defaultsByName = new(StringComparer.Ordinal);
    private readonly ProtocolSetting _global;

    public ProtocolTable(IEnumerable<ManifestResource> serviceDefaults, IEnumerable<ManifestResource> proxyDefaults)
    {
        foreach (var resource in serviceDefaults)
        {
            if (!_defaultsByName.TryGetValue(resource.Name, out var list))
            {
                _defaultsByName[resource.Name] = list = [];
            }

            list.Add(resource);
        }

        _global = proxyDefaults.Select(GlobalProtocol).FirstOrDefault(p => p is not null) ?? ProtocolSetting.ConsulDefault;
    }

    public ManifestResource? DefaultsFor(string ns, string name) =>
        _defaultsByName.TryGetValue(name, out var list)
            ? list.FirstOrDefault(r => MeshModelBuilder.NamespaceOf(r) == ns) ?? list[0]
            : null;

    public ProtocolSetting For(string ns, string name)
    {
        var defaults = DefaultsFor(ns, name);
        if (defaults?.Model is ServiceDefaults { Spec.Protocol: { } protocol })
        {
            return new ProtocolSetting(ConsulEnum<MeshProtocol>.Format(protocol), $"ServiceDefaults {defaults.Name}", defaults, defaults.LocationOf("spec", "protocol"));
        }

        return _global;
    }

    private static ProtocolSetting? GlobalProtocol(ManifestResource resource) =>
        resource.Model is ProxyDefaults { Spec.Config: { } config }
        && config["protocol"] is { } protocol && protocol.GetValueKind() == JsonValueKind.String
            ? new ProtocolSetting(protocol.GetValue<string>().Trim().ToLowerInvariant(), $"ProxyDefaults {resource.Name} config.protocol", resource, resource.LocationOf("spec", "config", "protocol"))
            : null;
}
