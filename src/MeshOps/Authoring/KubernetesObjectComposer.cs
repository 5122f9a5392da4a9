using System.Globalization;
using k8s.Models;

namespace MeshOps.Authoring;

/// <summary>
/// Makes the Kubernetes objects a mesh service needs beside its Consul entries, as KubernetesClient's own models (the
/// types the loader reads manifests into and a typed mesh builds), checked as the API server checks them.
/// </summary>
public static class KubernetesObjectComposer
{
    private static readonly string[] Protocols = ["TCP", "UDP", "SCTP"];

    /// <summary>A ServiceAccount; <paramref name="automountToken"/> null leaves <c>automountServiceAccountToken</c> unset.</summary>
    /// <exception cref="InvalidMeshObjectException">The API server would refuse the object.</exception>
    public static V1ServiceAccount ServiceAccount(string name, string? @namespace = null, bool? automountToken = null)
    {
        KubernetesNames.CheckDns1123Subdomain("metadata.name", name);
        CheckNamespace(@namespace);
        return new V1ServiceAccount
        {
            ApiVersion = "v1",
            Kind = "ServiceAccount",
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = @namespace },
            AutomountServiceAccountToken = automountToken,
        };
    }

    /// <summary>A ClusterIP Service with the one port mapping of <paramref name="request"/>.</summary>
    /// <exception cref="InvalidMeshObjectException">The API server would refuse the object.</exception>
    public static V1Service Service(ServicePortRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Compose(request, []);
    }

    /// <summary>
    /// <paramref name="existing"/> (the Service it names: <see cref="IsServiceOf"/>) with the port of <paramref name="request"/>
    /// added, so that New-MeshServicePort piped into itself writes one Service of many ports. A request without a
    /// selector keeps the Service's; a different one is refused, since the API server would silently replace it.
    /// </summary>
    /// <exception cref="InvalidMeshObjectException">The API server would refuse the merged object (two ports of one number or name, a port without a name).</exception>
    public static V1Service Service(ServicePortRequest request, V1Service existing)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(existing);
        var selector = existing.Spec?.Selector ?? new Dictionary<string, string>();
        if (request.Selector.Count > 0 && selector.Count > 0 && !SameLabels(request.Selector, selector))
        {
            throw new InvalidMeshObjectException(
                $"spec.selector: Invalid value: \"{Labels(request.Selector)}\": the Service {request.Name} being built already selects \"{Labels(selector)}\"");
        }

        var kept = request.Selector.Count > 0 ? request : request with { Selector = new Dictionary<string, string>(selector) };
        return Compose(kept, existing.Spec?.Ports ?? []);
    }

    /// <summary>The Service of <paramref name="request"/> with its port after <paramref name="before"/>.</summary>
    private static V1Service Compose(ServicePortRequest request, IList<V1ServicePort> before)
    {
        KubernetesNames.CheckDns1035Label("metadata.name", request.Name);
        CheckNamespace(request.Namespace);
        if (request.Selector.Count == 0)
        {
            // A Service without a selector has no endpoints unless someone writes them by hand: no mesh service.
            throw new InvalidMeshObjectException("spec.selector: Required value: a Service of the mesh selects its pods by label");
        }

        var service = new V1Service
        {
            ApiVersion = "v1",
            Kind = "Service",
            Metadata = new V1ObjectMeta { Name = request.Name, NamespaceProperty = request.Namespace },
            Spec = new V1ServiceSpec
            {
                Type = "ClusterIP",
                Selector = new Dictionary<string, string>(request.Selector, StringComparer.Ordinal),
                Ports = [.. before, Port(request, before.Count)],
            },
        };
        CheckPorts(service.Spec.Ports);
        return service;
    }

    /// <summary>True when <paramref name="request"/> names this Service: its name, in its namespace (none matches only none).</summary>
    public static bool IsServiceOf(V1Service service, ServicePortRequest request)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(request);
        return string.Equals(service.Metadata?.Name, request.Name, StringComparison.Ordinal)
            && string.Equals(service.Metadata?.NamespaceProperty, request.Namespace, StringComparison.Ordinal);
    }

    private static V1ServicePort Port(ServicePortRequest request, int index)
    {
        var field = $"spec.ports[{index.ToString(CultureInfo.InvariantCulture)}]";
        KubernetesNames.CheckPort($"{field}.port", request.Port);
        if (request.PortName is not null)
        {
            KubernetesNames.CheckDns1123Label($"{field}.name", request.PortName);
        }

        if (!Protocols.Contains(request.Protocol, StringComparer.Ordinal))
        {
            throw new InvalidMeshObjectException($"{field}.protocol: Unsupported value: \"{request.Protocol}\": supported values: \"SCTP\", \"TCP\", \"UDP\"");
        }

        return new V1ServicePort
        {
            Name = request.PortName,
            Protocol = request.Protocol,
            Port = request.Port,
            TargetPort = TargetPort($"{field}.targetPort", request.TargetPort),
        };
    }

    /// <summary>What the API server's ValidateService checks across ports (pkg/apis/core/validation), in its words.</summary>
    private static void CheckPorts(IList<V1ServicePort> ports)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var numbers = new HashSet<(string?, int)>();
        for (var i = 0; i < ports.Count; i++)
        {
            var field = $"spec.ports[{i.ToString(CultureInfo.InvariantCulture)}]";
            var port = ports[i];
            if (ports.Count > 1 && string.IsNullOrEmpty(port.Name))
            {
                throw new InvalidMeshObjectException($"{field}.name: Required value: a Service of more than one port names each of them (-PortName)");
            }

            if (!string.IsNullOrEmpty(port.Name) && !names.Add(port.Name))
            {
                throw new InvalidMeshObjectException($"{field}.name: Duplicate value: \"{port.Name}\"");
            }

            // The API server keys ports by (protocol, port) and prints the key as Go's %#v of a core.ServicePort.
            if (!numbers.Add((port.Protocol, port.Port)))
            {
                throw new InvalidMeshObjectException(
                    $"{field}: Duplicate value: core.ServicePort{{Name:\"\", Protocol:\"{port.Protocol}\", AppProtocol:(*string)(nil), Port:{port.Port.ToString(CultureInfo.InvariantCulture)}, TargetPort:intstr.IntOrString{{Type:0, IntVal:0, StrVal:\"\"}}, NodePort:0}}");
            }
        }
    }

    private static bool SameLabels(IReadOnlyDictionary<string, string> first, IDictionary<string, string> second) =>
        first.Count == second.Count && first.All(l => second.TryGetValue(l.Key, out var value) && value == l.Value);

    private static string Labels(IEnumerable<KeyValuePair<string, string>> labels) =>
        string.Join(",", labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}"));

    // kubectl reads targetPort: 8080 as a number and targetPort: http as a container port's name.
    private static IntOrString TargetPort(string field, string value)
    {
        if (value.Length > 0 && value.All(char.IsAsciiDigit))
        {
            var number = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : int.MaxValue;
            KubernetesNames.CheckPort(field, number);
            return number;
        }

        KubernetesNames.CheckPortName(field, value);
        return value;
    }

    private static void CheckNamespace(string? @namespace)
    {
        if (@namespace is not null)
        {
            KubernetesNames.CheckDns1123Label("metadata.namespace", @namespace);
        }
    }
}
