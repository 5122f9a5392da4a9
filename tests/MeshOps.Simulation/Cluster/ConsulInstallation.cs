using System.Text.Json.Nodes;

namespace MeshOps.Simulation.Cluster;

/// <summary>
/// What <c>helm install consul hashicorp/consul -n consul</c> (consul-k8s 1.4, the values below) leaves in the cluster:
/// the consul-server StatefulSet and its headless Service, and the connect-injector Deployment whose command carries
/// the flags the chart renders from the values (charts/consul/templates/connect-inject-deployment.yaml).
/// </summary>
internal static class ConsulInstallation
{
    public const string Namespace = "consul";
    public const string ServerService = "consul-server";
    public const string ServerPod = "consul-server-0";
    public const int HttpPort = 8500;
    public const string Datacenter = "dc1";

    /// <summary>
    /// The values the simulated release was installed with. Connect injection is opt-in per pod (default false) with
    /// transparent proxy on and ACLs off: the consul-k8s chart defaults, which are also what Test-MeshConfig assumes
    /// for files without values, so a live analysis and a file analysis of HashiCups judge with the same settings.
    /// </summary>
    public const string HelmValues = """
        global:
          name: consul
          datacenter: dc1
          acls:
            manageSystemACLs: false
          tls:
            enabled: false
        server:
          replicas: 1
        connectInject:
          enabled: true
          default: false
          transparentProxy:
            defaultEnabled: true
        """;

    public static InjectorSettings Injector { get; } = new(DefaultInject: false, TransparentProxyDefault: true);

    private static readonly Dictionary<string, string> ChartLabels = new()
    {
        ["app"] = "consul",
        ["chart"] = "consul-helm",
        ["heritage"] = "Helm",
        ["release"] = "consul",
    };

    public static IEnumerable<JsonObject> Objects(string? namespaceMirroringPrefix = null)
    {
        yield return ServiceAccount("consul-server");
        yield return ServiceAccount("consul-connect-injector");
        yield return Service(ServerService, "server", headless: true,
            ("http", 8500, 8500), ("grpc", 8502, 8502), ("serflan-tcp", 8301, 8301), ("server", 8300, 8300), ("dns-tcp", 8600, 8600));
        yield return Service("consul-connect-injector", "connect-injector", headless: false, ("https", 443, 8080));
        yield return Service("consul-ui", "server", headless: false, ("http", 80, 8500));
        yield return ServerStatefulSet();
        yield return InjectorDeployment(namespaceMirroringPrefix);
    }

    private static JsonObject Metadata(string name, string? component) => new()
    {
        ["name"] = name,
        ["namespace"] = Namespace,
        ["labels"] = Labels(component).ToJson(),
    };

    private static Dictionary<string, string> Labels(string? component)
    {
        var labels = new Dictionary<string, string>(ChartLabels);
        if (component is not null)
        {
            labels["component"] = component;
        }

        return labels;
    }

    private static JsonObject ServiceAccount(string name) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "ServiceAccount",
        ["metadata"] = Metadata(name, null),
    };

    private static JsonObject Service(string name, string component, bool headless, params (string Name, int Port, int Target)[] ports)
    {
        var selector = new Dictionary<string, string> { ["app"] = "consul", ["release"] = "consul", ["component"] = component };
        var spec = new JsonObject
        {
            ["selector"] = selector.ToJson(),
            ["ports"] = new JsonArray(ports.Select(p => (JsonNode)new JsonObject { ["name"] = p.Name, ["port"] = p.Port, ["targetPort"] = p.Target }).ToArray()),
        };
        if (headless)
        {
            spec["clusterIP"] = "None";
            spec["publishNotReadyAddresses"] = true;
        }

        return new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Service", ["metadata"] = Metadata(name, component), ["spec"] = spec };
    }

    private static JsonObject PodTemplate(string component, string serviceAccount, JsonObject container)
    {
        var labels = Labels(component);
        labels.Remove("heritage");
        return new JsonObject
        {
            ["metadata"] = new JsonObject
            {
                ["labels"] = labels.ToJson(),
                ["annotations"] = new JsonObject { ["consul.hashicorp.com/connect-inject"] = "false" },
            },
            ["spec"] = new JsonObject { ["serviceAccountName"] = serviceAccount, ["containers"] = new JsonArray(container) },
        };
    }

    private static JsonObject Selector(string component) => new()
    {
        ["matchLabels"] = new JsonObject { ["app"] = "consul", ["chart"] = "consul-helm", ["release"] = "consul", ["component"] = component },
    };

    private static JsonObject ServerStatefulSet() => new()
    {
        ["apiVersion"] = "apps/v1",
        ["kind"] = "StatefulSet",
        ["metadata"] = Metadata("consul-server", "server"),
        ["spec"] = new JsonObject
        {
            ["serviceName"] = ServerService,
            ["podManagementPolicy"] = "Parallel",
            ["replicas"] = 1,
            ["selector"] = Selector("server"),
            ["template"] = PodTemplate("server", "consul-server", new JsonObject
            {
                ["name"] = "consul",
                ["image"] = "hashicorp/consul:1.18.1",
                ["command"] = new JsonArray("/bin/sh", "-ec",
                    "exec /usr/local/bin/docker-entrypoint.sh consul agent \\\n  -advertise=\"${ADVERTISE_IP}\" \\\n  -config-dir=/consul/config \\\n" +
                    "  -data-dir=/consul/data \\\n  -datacenter=dc1 \\\n  -bootstrap-expect=1 \\\n  -client=0.0.0.0 \\\n  -server\n"),
                ["ports"] = new JsonArray(
                    new JsonObject { ["name"] = "http", ["containerPort"] = 8500 },
                    new JsonObject { ["name"] = "grpc", ["containerPort"] = 8502 },
                    new JsonObject { ["name"] = "serflan-tcp", ["containerPort"] = 8301 },
                    new JsonObject { ["name"] = "server", ["containerPort"] = 8300 },
                    new JsonObject { ["name"] = "dns-tcp", ["containerPort"] = 8600 }),
                ["readinessProbe"] = new JsonObject
                {
                    ["exec"] = new JsonObject
                    {
                        ["command"] = new JsonArray("/bin/sh", "-ec", "curl http://127.0.0.1:8500/v1/status/leader 2>/dev/null | grep -E '\".+\"'"),
                    },
                },
            }),
        },
    };

    private static JsonObject InjectorDeployment(string? namespaceMirroringPrefix)
    {
        string[] namespaces = namespaceMirroringPrefix is null
            ? []
            : ["-enable-namespaces=true", "-consul-destination-namespace=default", "-enable-k8s-namespace-mirroring=true", $"-k8s-namespace-mirroring-prefix={namespaceMirroringPrefix}"];
        string[] flags =
        [
            "consul-k8s-control-plane inject-connect",
            "-log-level=info",
            "-log-json=false",
            "-default-inject=false",
            "-consul-image=\"hashicorp/consul:1.18.1\"",
            $"-consul-dataplane-image=\"{SidecarInjector.DataplaneImage}\"",
            $"-consul-k8s-image=\"{SidecarInjector.K8sImage}\"",
            "-release-name=\"consul\"",
            "-release-namespace=\"consul\"",
            "-resource-prefix=consul",
            "-listen=:8080",
            "-default-enable-transparent-proxy=true",
            "-enable-cni=false",
            "-transparent-proxy-default-overwrite-probes=true",
            "-default-enable-metrics=false",
            "-enable-gateway-metrics=true",
            "-default-enable-metrics-merging=false",
            "-default-merged-metrics-port=20100",
            "-default-prometheus-scrape-port=20200",
            "-default-prometheus-scrape-path=\"/metrics\"",
            "-allow-k8s-namespace=\"*\"",
            "-tls-cert-dir=/etc/connect-injector/certs",
            "-default-envoy-proxy-concurrency=2",
            .. namespaces,
        ];
        var script = string.Join(" \\\n  ", flags) + "\n";
        var container = new JsonObject
        {
            ["name"] = "sidecar-injector",
            ["image"] = SidecarInjector.K8sImage,
            ["ports"] = new JsonArray(new JsonObject { ["containerPort"] = 8080, ["name"] = "webhook-server", ["protocol"] = "TCP" }),
            ["env"] = new JsonArray(
                new JsonObject { ["name"] = "NAMESPACE", ["valueFrom"] = new JsonObject { ["fieldRef"] = new JsonObject { ["fieldPath"] = "metadata.namespace" } } },
                new JsonObject { ["name"] = "POD_NAME", ["valueFrom"] = new JsonObject { ["fieldRef"] = new JsonObject { ["fieldPath"] = "metadata.name" } } },
                new JsonObject { ["name"] = "CONSUL_ADDRESSES", ["value"] = "consul-server.consul.svc" },
                new JsonObject { ["name"] = "CONSUL_GRPC_PORT", ["value"] = "8502" },
                new JsonObject { ["name"] = "CONSUL_HTTP_PORT", ["value"] = "8500" },
                new JsonObject { ["name"] = "CONSUL_DATACENTER", ["value"] = Datacenter },
                new JsonObject { ["name"] = "CONSUL_API_TIMEOUT", ["value"] = "5s" }),
            ["command"] = new JsonArray("/bin/sh", "-ec", script),
        };
        return new JsonObject
        {
            ["apiVersion"] = "apps/v1",
            ["kind"] = "Deployment",
            ["metadata"] = Metadata("consul-connect-injector", "connect-injector"),
            ["spec"] = new JsonObject
            {
                ["replicas"] = 1,
                ["selector"] = Selector("connect-injector"),
                ["template"] = PodTemplate("connect-injector", "consul-connect-injector", container),
            },
        };
    }
}
