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
        KubernetesNames.CheckDns1035Label("metadata.name", request.Name);
        CheckNamespace(request.Namespace);
        KubernetesNames.CheckPort("spec.ports[0].port", request.Port);
        if (request.PortName is not null)
        {
            KubernetesNames.CheckDns1123Label("spec.ports[0].name", request.PortName);
        }

        if (!Protocols.Contains(request.Protocol, StringComparer.Ordinal))
        {
            throw new InvalidMeshObjectException($"spec.ports[0].protocol: Unsupported value: \"{request.Protocol}\": supported values: \"SCTP\", \"TCP\", \"UDP\"");
        }

        if (request.Selector.Count == 0)
        {
            // A Service without a selector has no endpoints unless someone writes them by hand: no mesh service.
            throw new InvalidMeshObjectException("spec.selector: Required value: a Service of the mesh selects its pods by label");
        }

        return new V1Service
        {
            ApiVersion = "v1",
            Kind = "Service",
            Metadata = new V1ObjectMeta { Name = request.Name, NamespaceProperty = request.Namespace },
            Spec = new V1ServiceSpec
            {
                Type = "ClusterIP",
                Selector = new Dictionary<string, string>(request.Selector, StringComparer.Ordinal),
                Ports =
                [
                    new V1ServicePort
                    {
                        Name = request.PortName,
                        Protocol = request.Protocol,
                        Port = request.Port,
                        TargetPort = TargetPort(request.TargetPort),
                    },
                ],
            },
        };
    }

    // kubectl reads targetPort: 8080 as a number and targetPort: http as a container port's name.
    private static IntOrString TargetPort(string value)
    {
        const string Field = "spec.ports[0].targetPort";
        if (value.Length > 0 && value.All(char.IsAsciiDigit))
        {
            var number = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : int.MaxValue;
            KubernetesNames.CheckPort(Field, number);
            return number;
        }

        KubernetesNames.CheckPortName(Field, value);
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
