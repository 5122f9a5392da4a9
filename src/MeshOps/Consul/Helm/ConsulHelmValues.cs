using System.Text.Json;
using System.Text.Json.Serialization;

namespace MeshOps.Consul.Helm;

/// <summary>
/// The parts of a consul-k8s Helm values file that change how the mesh behaves. Every field is optional:
/// a values file sets only what differs from the chart's defaults.
/// </summary>
public sealed record ConsulHelmValues
{
    /// <summary>The kind MeshOps gives a values file, which has no apiVersion or kind of its own.</summary>
    public const string ApiVersion = "meshops.io/v1";

    public const string Kind = "ConsulHelmValues";

    [JsonPropertyName("global")] public HelmGlobal? Global { get; init; }

    [JsonPropertyName("connectInject")] public HelmConnectInject? ConnectInject { get; init; }

    /// <summary>
    /// The sections not modelled above, as written (server, ui, dns, meshGateway, telemetryCollector, …), from which
    /// the services the chart installs are inferred. Kept untyped: the chart's "-" for "inherit" is not a boolean.
    /// A setter, not init: generated JSON metadata fills extension data as it reads, which an init accessor forbids.
    /// </summary>
    [JsonExtensionData] public Dictionary<string, JsonElement>? Other { get; set; }
}

public sealed record HelmGlobal
{
    [JsonPropertyName("acls")] public HelmAcls? Acls { get; init; }

    [JsonPropertyName("tls")] public HelmEnabled? Tls { get; init; }

    /// <summary>Consul Enterprise namespaces (chart default false): without it every service and config entry is in "default".</summary>
    [JsonPropertyName("enableConsulNamespaces")] public bool? EnableConsulNamespaces { get; init; }

    /// <summary>The fields not modelled above, as written (name, enabled): the chart names its Services after global.name.</summary>
    [JsonExtensionData] public Dictionary<string, JsonElement>? Other { get; set; }
}

public sealed record HelmAcls
{
    [JsonPropertyName("manageSystemACLs")] public bool? ManageSystemAcls { get; init; }
}

public sealed record HelmConnectInject
{
    [JsonPropertyName("enabled")] public bool? Enabled { get; init; }

    /// <summary>Inject every pod unless it opts out (chart default false).</summary>
    [JsonPropertyName("default")] public bool? Default { get; init; }

    [JsonPropertyName("transparentProxy")] public HelmTransparentProxy? TransparentProxy { get; init; }

    /// <summary>Which Consul namespace injected services register in, when global.enableConsulNamespaces is on.</summary>
    [JsonPropertyName("consulNamespaces")] public HelmConsulNamespaces? ConsulNamespaces { get; init; }

    /// <summary>
    /// Namespaces where the webhook may inject (chart default ["*"]). Kept as written (a list of names, or anything
    /// else a values file may hold) so that an odd value never costs the whole values file; see <see cref="NamespaceList"/>.
    /// </summary>
    [JsonPropertyName("k8sAllowNamespaces")] public JsonElement? K8sAllowNamespaces { get; init; }

    /// <summary>Namespaces where the webhook never injects, even annotated pods (chart default []); wins over the allow list.</summary>
    [JsonPropertyName("k8sDenyNamespaces")] public JsonElement? K8sDenyNamespaces { get; init; }

    /// <summary>
    /// An auth method managed outside the chart: the chart passes it to the webhook as -acl-auth-method, as it does its
    /// own when global.acls.manageSystemACLs is on, so sidecars log in with ACLs either way. Kept as written.
    /// </summary>
    [JsonPropertyName("overrideAuthMethodName")] public JsonElement? OverrideAuthMethodName { get; init; }

    /// <summary>The names of a namespace list as written, or null when it is absent or not a list of strings.</summary>
    public static IReadOnlyList<string>? NamespaceList(JsonElement? list) =>
        list is { ValueKind: JsonValueKind.Array } array && array.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String)
            ? array.EnumerateArray().Select(e => e.GetString()!).ToList()
            : null;
}

public sealed record HelmConsulNamespaces
{
    /// <summary>Chart default "default"; ignored when <see cref="MirroringK8S"/> is on.</summary>
    [JsonPropertyName("consulDestinationNamespace")] public string? ConsulDestinationNamespace { get; init; }

    /// <summary>Chart default true: a service registers in the Consul namespace named after its Kubernetes namespace.</summary>
    [JsonPropertyName("mirroringK8S")] public bool? MirroringK8S { get; init; }

    /// <summary>Chart default "": prepended to the Kubernetes namespace when mirroring.</summary>
    [JsonPropertyName("mirroringK8SPrefix")] public string? MirroringK8SPrefix { get; init; }
}

public sealed record HelmTransparentProxy
{
    /// <summary>Chart default true.</summary>
    [JsonPropertyName("defaultEnabled")] public bool? DefaultEnabled { get; init; }
}

public sealed record HelmEnabled
{
    [JsonPropertyName("enabled")] public bool? Enabled { get; init; }
}
