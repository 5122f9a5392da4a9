using System.Globalization;
using MeshOps.Consul;

namespace MeshOps.Authoring;

/// <summary>
/// Turns a <see cref="ServiceDefaultsRequest"/> into a ServiceDefaults through the generated builder, refusing what
/// Consul (<c>ServiceConfigEntry.Validate</c>) or the consul-k8s webhook (<c>servicedefaults_types.go</c>) would
/// refuse, with their words, so the mistake shows when the object is made and not at apply time.
/// </summary>
public static class ServiceDefaultsComposer
{
    /// <exception cref="InvalidMeshObjectException">Consul or Kubernetes would refuse the entry.</exception>
    public static ServiceDefaults Compose(ServiceDefaultsRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        KubernetesNames.CheckDns1123Subdomain("metadata.name", request.Name);
        if (request.Namespace is not null)
        {
            KubernetesNames.CheckDns1123Label("metadata.namespace", request.Namespace);
        }

        var builder = ServiceDefaults.Create(request.Name).WithProtocol(request.Protocol);
        if (request.Namespace is not null)
        {
            builder.WithNamespace(request.Namespace);
        }

        if (request.MutualTlsMode is { } mode)
        {
            builder.WithMutualTLSMode(mode);
        }

        if (request.MeshGatewayMode is { } gateway)
        {
            builder.WithMeshGateway(g => g.WithMode(gateway));
        }

        if (NonNegative("spec.localConnectTimeoutMs", "LocalConnectTimeoutMs", request.LocalConnectTimeoutMs) is { } connect)
        {
            builder.WithLocalConnectTimeoutMs(connect);
        }

        if (NonNegative("spec.localRequestTimeoutMs", "LocalRequestTimeoutMs", request.LocalRequestTimeoutMs) is { } timeout)
        {
            builder.WithLocalRequestTimeoutMs(timeout);
        }

        if (NonNegative("spec.maxInboundConnections", "MaxInboundConnections", request.MaxInboundConnections) is { } max)
        {
            builder.WithMaxInboundConnections(max);
        }

        if (request.UpstreamOverrides.Count > 0)
        {
            var overrides = request.UpstreamOverrides.Select(UpstreamOverrideMap.Read).ToList();
            for (var i = 0; i < overrides.Count; i++)
            {
                CheckOverride(overrides[i], i);
            }

            builder.WithUpstreamConfig(u =>
            {
                foreach (var item in overrides)
                {
                    u.AddOverride(item);
                }
            });
        }

        return builder.Build();
    }

    // Consul refuses only negative values (ServiceConfigEntry.Validate: "MaxInboundConnections must be > 0").
    private static long? NonNegative(string field, string consulName, long? value) =>
        value is < 0 ? throw new InvalidMeshObjectException($"{field}: Invalid value: {value.Value.ToString(CultureInfo.InvariantCulture)}: {consulName} must be > 0") : value;

    // UpstreamConfig.validate: an override names its upstream, and a peer excludes a namespace or a partition.
    private static void CheckOverride(ServiceDefaultsUpstreamOverride item, int index)
    {
        var at = "spec.upstreamConfig.overrides[" + index.ToString(CultureInfo.InvariantCulture) + "]";
        if (string.IsNullOrEmpty(item.Name))
        {
            throw new InvalidMeshObjectException(at + ": upstream.name for an override upstream cannot be \"\"");
        }

        if (!string.IsNullOrEmpty(item.Peer) && !string.IsNullOrEmpty(item.Namespace))
        {
            throw new InvalidMeshObjectException(at + ": both namespace and peer cannot be specified.");
        }

        if (!string.IsNullOrEmpty(item.Peer) && !string.IsNullOrEmpty(item.Partition))
        {
            throw new InvalidMeshObjectException(at + ": both partition and peer cannot be specified.");
        }
    }
}
