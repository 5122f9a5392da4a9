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

    public static MeshResources Create(
        IReadOnlyList<MeshServiceSpec> services,
        bool denyAll,
        IReadOnlyList<DeclaredIntention> intentions)
    {
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
            var deployment = Deployment(spec);
            kubeServices.Add(service);
            accounts.Add(account);
            defaults.Add(serviceDefaults);
            deployments.Add(deployment);
            all.AddRange([service, account, serviceDefaults, deployment]);
        }

        var serviceIntentions = Intentions(denyAll, intentions);
        all.AddRange(serviceIntentions);
        return new MeshResources(all, kubeServices, accounts, deployments, defaults, serviceIntentions);
    }

    private static Dictionary<string, string> Labels(MeshServiceSpec spec) => new() { [AppLabel] = spec.Name };

    private static V1Service Service(MeshServiceSpec spec) => new()
    {
        ApiVersion = "v1",
        Kind = "Service",
        Metadata = new V1ObjectMeta { Name = spec.Name, Labels = Labels(spec) },
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
        Metadata = new V1ObjectMeta { Name = spec.Name },
        AutomountServiceAccountToken = spec.AutomountServiceAccountToken,
    };

    private static ServiceDefaults Defaults(MeshServiceSpec spec) => new()
    {
        Metadata = new V1ObjectMeta { Name = spec.Name },
        Spec = new ServiceDefaultsSpec { Protocol = spec.Protocol },
    };

    private static V1Deployment Deployment(MeshServiceSpec spec)
    {
        var env = new List<V1EnvVar>();
        foreach (var port in spec.ContainerPorts.Where(p => p.BindAddress is not null))
        {
            env.Add(new V1EnvVar { Name = "BIND_ADDRESS_" + port.Port.ToString(CultureInfo.InvariantCulture), Value = HostPort(port.BindAddress!, port.Port) });
        }

        foreach (var upstream in spec.Upstreams)
        {
            env.Add(new V1EnvVar { Name = EnvName(upstream.Service) + "_ADDR", Value = HostPort(upstream.Service, upstream.Port) });
        }

        return new V1Deployment
        {
            ApiVersion = "apps/v1",
            Kind = "Deployment",
            Metadata = new V1ObjectMeta { Name = spec.Name, Labels = Labels(spec) },
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

    private static List<ServiceIntentions> Intentions(bool denyAll, IReadOnlyList<DeclaredIntention> declared)
    {
        var result = new List<ServiceIntentions>();
        if (denyAll)
        {
            result.Add(Intention(DenyAllName, Wildcard, [new ServiceIntentionsSource { Name = Wildcard, Action = IntentionAction.Deny }]));
        }

        foreach (var destination in declared.Select(i => i.Destination).Distinct(StringComparer.Ordinal))
        {
            var sources = declared.Where(i => i.Destination == destination).Select(Source).ToList();
            result.Add(Intention(destination, destination, sources));
        }

        return result;
    }

    // Consul rejects a source with both: "Sources[%d].Action must be omitted if Permissions are specified".
    private static ServiceIntentionsSource Source(DeclaredIntention intention) => new()
    {
        Name = intention.Source,
        Action = intention.IsL7 ? null : intention.Action,
        Permissions = intention.IsL7 ? intention.Permissions.ToList() : null,
    };

    private static ServiceIntentions Intention(string name, string destination, List<ServiceIntentionsSource> sources) => new()
    {
        Metadata = new V1ObjectMeta { Name = name },
        Spec = new ServiceIntentionsSpec
        {
            Destination = new ServiceIntentionsDestination { Name = destination },
            Sources = sources,
        },
    };

    private static string HostPort(string host, int port) =>
        (host.Contains(':', StringComparison.Ordinal) ? "[" + host + "]" : host) + ":" + port.ToString(CultureInfo.InvariantCulture);

    private static string EnvName(string service) => service.ToUpperInvariant().Replace('-', '_');
}
