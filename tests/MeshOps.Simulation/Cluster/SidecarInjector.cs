using System.Text.Json.Nodes;

namespace MeshOps.Simulation.Cluster;

/// <summary>
/// What the consul-k8s 1.x mutating webhook does to a pod it injects (mesh_webhook.go, consul_dataplane_sidecar.go,
/// container_init.go): the connect-inject-init container, the consul-dataplane sidecar with Envoy admin on
/// 127.0.0.1:19000 and the public listener on 20000, the shared data volume, and the status annotation and labels.
/// </summary>
internal static class SidecarInjector
{
    public const string DataplaneContainer = "consul-dataplane";
    public const string InitContainer = "consul-connect-inject-init";
    public const string K8sImage = "hashicorp/consul-k8s-control-plane:1.4.2";
    public const string DataplaneImage = "hashicorp/consul-dataplane:1.4.2";
    public const int PublicListenerPort = 20000;
    public const int EnvoyAdminPort = 19000;
    public const int TransparentOutboundPort = 15001;

    private const string InjectAnnotation = "consul.hashicorp.com/connect-inject";
    private const string StatusKey = "consul.hashicorp.com/connect-inject-status";
    private const string TransparentProxyKey = "consul.hashicorp.com/transparent-proxy";

    // The webhook never injects pods of these namespaces, whatever they say (mesh_webhook.go shouldInject).
    private static readonly HashSet<string> SystemNamespaces = ["kube-system", "kube-public"];

    /// <summary>Whether the webhook injects a pod with these annotations in this namespace.</summary>
    public static bool ShouldInject(string ns, IReadOnlyDictionary<string, string> annotations, InjectorSettings settings)
    {
        if (SystemNamespaces.Contains(ns) || annotations.ContainsKey(StatusKey))
        {
            return false;
        }

        return annotations.TryGetValue(InjectAnnotation, out var value) && bool.TryParse(value, out var inject) ? inject : settings.DefaultInject;
    }

    public static void Inject(JsonObject pod, InjectorSettings settings)
    {
        var metadata = pod.Child("metadata");
        var annotations = metadata.Child("annotations");
        var spec = pod.Child("spec");
        var tproxy = annotations[TransparentProxyKey].Text() is { } own && bool.TryParse(own, out var parsed) ? parsed : settings.TransparentProxyDefault;

        annotations[StatusKey] = "injected";
        annotations["consul.hashicorp.com/consul-k8s-version"] = "1.4.2";
        annotations["consul.hashicorp.com/transparent-proxy-status"] = tproxy ? "enabled" : "disabled";
        if (annotations["consul.hashicorp.com/connect-service-port"] is null && FirstPort(spec) is { } port)
        {
            // defaultAnnotations: the first port of the first container, by name when it has one.
            annotations["consul.hashicorp.com/connect-service-port"] = port;
        }

        var labels = metadata.Child("labels");
        labels[StatusKey] = "injected";
        labels["consul.hashicorp.com/connect-inject-managed-by"] = "consul-k8s-endpoints-controller";

        spec.Items("volumes").Add(new JsonObject
        {
            ["name"] = "consul-connect-inject-data",
            ["emptyDir"] = new JsonObject { ["medium"] = "Memory" },
        });
        spec.Items("initContainers").Add(Init(spec, tproxy));
        spec.Items("containers").Add(Dataplane());
    }

    private static string? FirstPort(JsonObject spec) =>
        (spec["containers"] as JsonArray)?.FirstOrDefault() is JsonObject first && (first["ports"] as JsonArray)?.FirstOrDefault() is JsonObject port
            ? port.Text("name") ?? port.Text("containerPort")
            : null;

    private static JsonObject Init(JsonObject spec, bool tproxy)
    {
        var serviceAccount = spec.Text("serviceAccountName") ?? "default";
        var init = new JsonObject
        {
            ["name"] = InitContainer,
            ["image"] = K8sImage,
            ["imagePullPolicy"] = "IfNotPresent",
            ["command"] = new JsonArray("/bin/sh", "-ec",
                "consul-k8s-control-plane connect-init -pod-name=${POD_NAME} -pod-namespace=${POD_NAMESPACE} \\\n" +
                "  -log-level=info \\\n  -log-json=false \\\n" +
                $"  -service-account-name=\"{serviceAccount}\" \\\n  -service-name=\"\" \\\n  -proxy-id-file=/consul/connect-inject/proxyid\n"),
            ["env"] = new JsonArray(
                FieldEnv("POD_NAME", "metadata.name"),
                FieldEnv("POD_NAMESPACE", "metadata.namespace"),
                FieldEnv("NODE_NAME", "spec.nodeName"),
                Env("CONSUL_ADDRESSES", "consul-server.consul.svc"),
                Env("CONSUL_GRPC_PORT", "8502"),
                Env("CONSUL_HTTP_PORT", "8500"),
                Env("CONSUL_API_TIMEOUT", "5m0s"),
                Env("CONSUL_NODE_NAME", "$(NODE_NAME)-virtual")),
            ["volumeMounts"] = new JsonArray(new JsonObject { ["name"] = "consul-connect-inject-data", ["mountPath"] = "/consul/connect-inject" }),
        };
        if (tproxy)
        {
            // connect-init also writes the iptables rules that redirect the pod's traffic through Envoy, which needs NET_ADMIN.
            init["securityContext"] = new JsonObject
            {
                ["runAsUser"] = 0,
                ["runAsGroup"] = 0,
                ["runAsNonRoot"] = false,
                ["privileged"] = true,
                ["capabilities"] = new JsonObject { ["add"] = new JsonArray("NET_ADMIN") },
            };
        }

        return init;
    }

    private static JsonObject Dataplane() => new()
    {
        ["name"] = DataplaneContainer,
        ["image"] = DataplaneImage,
        ["imagePullPolicy"] = "IfNotPresent",
        ["args"] = new JsonArray(
            "-addresses", "consul-server.consul.svc",
            "-grpc-port=8502",
            "-proxy-service-id-path=/consul/connect-inject/proxyid",
            "-log-level=info",
            "-log-json=false",
            "-envoy-concurrency=2",
            "-tls-disabled",
            "-graceful-port=20600",
            "-telemetry-prom-scrape-path=/metrics"),
        ["env"] = new JsonArray(
            Env("TMPDIR", "/consul/connect-inject"),
            FieldEnv("NODE_NAME", "spec.nodeName"),
            Env("DP_SERVICE_NODE_NAME", "$(NODE_NAME)-virtual"),
            FieldEnv("POD_NAME", "metadata.name"),
            FieldEnv("POD_NAMESPACE", "metadata.namespace"),
            FieldEnv("POD_UID", "metadata.uid"),
            Env("DP_CREDENTIAL_LOGIN_META", "pod=$(POD_NAMESPACE)/$(POD_NAME)")),
        ["readinessProbe"] = new JsonObject
        {
            ["tcpSocket"] = new JsonObject { ["port"] = PublicListenerPort },
            ["initialDelaySeconds"] = 1,
        },
        ["securityContext"] = new JsonObject
        {
            ["runAsUser"] = 5995,
            ["runAsGroup"] = 5995,
            ["runAsNonRoot"] = true,
            ["readOnlyRootFilesystem"] = true,
        },
        ["volumeMounts"] = new JsonArray(new JsonObject { ["name"] = "consul-connect-inject-data", ["mountPath"] = "/consul/connect-inject" }),
    };

    private static JsonObject Env(string name, string value) => new() { ["name"] = name, ["value"] = value };

    private static JsonObject FieldEnv(string name, string fieldPath) => new()
    {
        ["name"] = name,
        ["valueFrom"] = new JsonObject { ["fieldRef"] = new JsonObject { ["apiVersion"] = "v1", ["fieldPath"] = fieldPath } },
    };
}

/// <summary>The injector's flags that decide injection (Helm connectInject.default and transparentProxy.defaultEnabled).</summary>
internal sealed record InjectorSettings(bool DefaultInject, bool TransparentProxyDefault);
