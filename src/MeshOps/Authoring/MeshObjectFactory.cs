using System.Globalization;
using k8s.Models;
using MeshOps.Consul;

namespace MeshOps.Authoring;

/// <summary>Turns declared services and intentions into the Kubernetes and Consul objects of the mesh.</summary>
internal static class MeshObjectFactory
{
    private const string AppLabel = "app";
    private const string ConnectInject = "consul.hashicorp.com/connect-inject";
    private const string DenyAllName = "deny-all";
    private const string Wildcard = "*";
    private const string DefaultNamespace = "default";

    public static MeshResources Create(
        IReadOnlyList<MeshServiceSpec> services,
        bool denyAll,
        IReadOnlyList<DeclaredIntention> intentions,
        string? meshNamespace = null,
        ConsulEdition edition = ConsulEdition.Community)
    {
        // Each service's namespace: its own, else the mesh's; null writes none, as before namespaces could be declared.
        services = services.Select(s => s.Namespace is null && meshNamespace is not null ? s with { Namespace = meshNamespace } : s).ToList();
        var namespaces = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var spec in services)
        {
            namespaces.TryAdd(spec.Name, spec.Namespace);
        }

        var all = new List<object>();
        var kubeServices = new List<V1Service>();
        var accounts = new List<V1ServiceAccount>();
        var deployments = new List<V1Deployment>();
        var defaults = new List<ServiceDefaults>();
        foreach (var spec in services)
        {
            var service = Service(spec);
            var account = ServiceAccount(spec);
            var serviceDefaults = Defaults(spec);
            var deployment = Deployment(spec, namespaces);
            kubeServices.Add(service);
            accounts.Add(account);
            defaults.Add(serviceDefaults);
            deployments.Add(deployment);
            all.AddRange([service, account, serviceDefaults, deployment]);
        }

        var serviceIntentions = Intentions(denyAll, intentions, new IntentionLayout(meshNamespace, edition, namespaces));
        all.AddRange(serviceIntentions);
        return new MeshResources(all, kubeServices, accounts, deployments, defaults, serviceIntentions);
    }

    private static Dictionary<string, string> Labels(MeshServiceSpec spec) => new() { [AppLabel] = spec.Name };

    private static V1Service Service(MeshServiceSpec spec) => new()
    {
        ApiVersion = "v1",
        Kind = "Service",
        Metadata = new V1ObjectMeta { Name = spec.Name, NamespaceProperty = spec.Namespace, Labels = Labels(spec) },
        Spec = new V1ServiceSpec
        {
            Type = "ClusterIP",
            Selector = Labels(spec),
            Ports = spec.ServicePorts.Select(port => new V1ServicePort
            {
                Name = port.Name,
                Protocol = "TCP",
                Port = port.Port,
                TargetPort = port.TargetPortName is { } name ? (k8s.Models.IntOrString)name : (k8s.Models.IntOrString)port.TargetPort,
            }).ToList(),
        },
    };

    private static V1ServiceAccount ServiceAccount(MeshServiceSpec spec) => new()
    {
        ApiVersion = "v1",
        Kind = "ServiceAccount",
        Metadata = new V1ObjectMeta { Name = spec.Name, NamespaceProperty = spec.Namespace },
        AutomountServiceAccountToken = spec.AutomountServiceAccountToken,
    };

    private static ServiceDefaults Defaults(MeshServiceSpec spec) => new()
    {
        Metadata = new V1ObjectMeta { Name = spec.Name, NamespaceProperty = spec.Namespace },
        Spec = new ServiceDefaultsSpec { Protocol = spec.Protocol },
    };

    private static V1Deployment Deployment(MeshServiceSpec spec, Dictionary<string, string?> namespaces)
    {
        var env = new List<V1EnvVar>();
        foreach (var port in spec.ContainerPorts.Where(p => p.BindAddress is not null))
        {
            env.Add(new V1EnvVar { Name = "BIND_ADDRESS_" + port.Port.ToString(CultureInfo.InvariantCulture), Value = HostPort(port.BindAddress!, port.Port) });
        }

        foreach (var upstream in spec.Upstreams)
        {
            env.Add(new V1EnvVar { Name = EnvName(upstream.Service) + "_ADDR", Value = HostPort(UpstreamHost(spec, upstream, namespaces), upstream.Port) });
        }

        return new V1Deployment
        {
            ApiVersion = "apps/v1",
            Kind = "Deployment",
            Metadata = new V1ObjectMeta { Name = spec.Name, NamespaceProperty = spec.Namespace, Labels = Labels(spec) },
            Spec = new V1DeploymentSpec
            {
                Replicas = spec.Replicas,
                Selector = new V1LabelSelector { MatchLabels = Labels(spec) },
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta
                    {
                        Labels = Labels(spec),
                        Annotations = new Dictionary<string, string> { [ConnectInject] = "true" },
                    },
                    Spec = new V1PodSpec
                    {
                        ServiceAccountName = spec.Name,
                        Containers =
                        [
                            new V1Container
                            {
                                Name = spec.Name,
                                Image = spec.Image,
                                Ports = spec.ContainerPorts.Select(p => new V1ContainerPort { ContainerPort = p.Port, Name = p.Name }).ToList(),
                                Env = env.Count == 0 ? null : env,
                            },
                        ],
                    },
                },
            },
        };
    }

    // A Service in another namespace is found by Kubernetes DNS as name.namespace; transparent proxy then matches its
    // virtual IP, on CE as on Enterprise.
    private static string UpstreamHost(MeshServiceSpec caller, UpstreamSpec upstream, Dictionary<string, string?> namespaces)
    {
        var target = namespaces.GetValueOrDefault(upstream.Service);
        return string.Equals(target ?? DefaultNamespace, caller.Namespace ?? DefaultNamespace, StringComparison.Ordinal)
            ? upstream.Service
            : upstream.Service + "." + (target ?? DefaultNamespace);
    }

    private static List<ServiceIntentions> Intentions(bool denyAll, IReadOnlyList<DeclaredIntention> declared, IntentionLayout layout)
    {
        var result = new List<ServiceIntentions>();
        if (denyAll)
        {
            // On Enterprise "*" alone is the wildcard of one namespace; */* denies across every namespace.
            var wildcardNamespace = layout.Enterprise ? Wildcard : null;
            result.Add(Intention(DenyAllName, layout.MeshNamespace, Wildcard, wildcardNamespace, [new ServiceIntentionsSource { Name = Wildcard, Namespace = wildcardNamespace, Action = IntentionAction.Deny }]));
        }

        foreach (var destination in declared.Select(i => i.Destination).Distinct(StringComparer.Ordinal))
        {
            var sources = declared.Where(i => i.Destination == destination).Select(i => Source(i, layout)).ToList();
            result.Add(Intention(destination, layout.KubernetesNamespace(destination), destination, layout.ConsulNamespace(destination), sources));
        }

        return result;
    }

    // Consul rejects a source with both: "Sources[%d].Action must be omitted if Permissions are specified".
    private static ServiceIntentionsSource Source(DeclaredIntention intention, IntentionLayout layout) => new()
    {
        Name = intention.Source,
        Namespace = layout.ConsulNamespace(intention.Source),
        Action = intention.IsL7 ? null : intention.Action,
        Permissions = intention.IsL7 ? intention.Permissions.ToList() : null,
    };

    private static ServiceIntentions Intention(string name, string? kubernetesNamespace, string destination, string? consulNamespace, List<ServiceIntentionsSource> sources) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = kubernetesNamespace },
        Spec = new ServiceIntentionsSpec
        {
            Destination = new ServiceIntentionsDestination { Name = destination, Namespace = consulNamespace },
            Sources = sources,
        },
    };

    /// <summary>
    /// Where intentions go and whom they name: a ServiceIntentions lives in its destination's Kubernetes namespace; the
    /// Consul namespaces are written only on Enterprise, where they mirror the Kubernetes ones (CE has only "default"
    /// and the consul-k8s webhook refuses any namespace: "Consul Enterprise namespaces must be enabled to set …").
    /// </summary>
    private sealed record IntentionLayout(string? MeshNamespace, ConsulEdition Edition, Dictionary<string, string?> Namespaces)
    {
        public bool Enterprise => Edition == ConsulEdition.Enterprise;

        public string? KubernetesNamespace(string service) => Namespaces.GetValueOrDefault(service) ?? MeshNamespace;

        public string? ConsulNamespace(string service) => Enterprise ? KubernetesNamespace(service) ?? DefaultNamespace : null;
    }

    private static string HostPort(string host, int port) =>
        (host.Contains(':', StringComparison.Ordinal) ? "[" + host + "]" : host) + ":" + port.ToString(CultureInfo.InvariantCulture);

    private static string EnvName(string service) => service.ToUpperInvariant().Replace('-', '_');
}
