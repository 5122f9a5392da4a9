using System.Text.Json.Serialization;
using k8s.Models;

namespace MeshOps.Consul.Crds;

/// <summary><c>TerminatingGateway</c>: external services reached through a terminating gateway, with the TLS to use for each.</summary>
public sealed record TerminatingGateway : ConsulResource<TerminatingGatewaySpec>;

public sealed record TerminatingGatewaySpec
{
    [JsonPropertyName("services")] public List<LinkedService>? Services { get; init; }

    /// <summary>How consul-k8s deploys the gateway itself (newer CRD versions only).</summary>
    [JsonPropertyName("deployment")] public TerminatingGatewayDeployment? Deployment { get; init; }
}

public sealed record LinkedService
{
    [JsonPropertyName("name")] public string? Name { get; init; }

    [JsonPropertyName("namespace")] public string? Namespace { get; init; }

    [JsonPropertyName("caFile")] public string? CaFile { get; init; }

    [JsonPropertyName("certFile")] public string? CertFile { get; init; }

    [JsonPropertyName("keyFile")] public string? KeyFile { get; init; }

    [JsonPropertyName("sni")] public string? Sni { get; init; }

    [JsonPropertyName("disableAutoHostRewrite")] public bool? DisableAutoHostRewrite { get; init; }

    [JsonPropertyName("secretRef")] public LinkedServiceSecretRef? SecretRef { get; init; }
}

public sealed record LinkedServiceSecretRef
{
    [JsonPropertyName("name")] public string? Name { get; init; }
}

public sealed record TerminatingGatewayDeployment
{
    [JsonPropertyName("enabledDeployment")] public bool? EnabledDeployment { get; init; }

    [JsonPropertyName("gatewayName")] public string? GatewayName { get; init; }

    [JsonPropertyName("consulNamespace")] public string? ConsulNamespace { get; init; }

    [JsonPropertyName("replicas")] public int? Replicas { get; init; }

    [JsonPropertyName("logLevel")] public string? LogLevel { get; init; }

    [JsonPropertyName("logJSON")] public bool? LogJson { get; init; }

    [JsonPropertyName("priorityClassName")] public string? PriorityClassName { get; init; }

    [JsonPropertyName("annotations")] public Dictionary<string, string>? Annotations { get; init; }

    [JsonPropertyName("nodeSelector")] public Dictionary<string, string>? NodeSelector { get; init; }

    [JsonPropertyName("affinity")] public V1Affinity? Affinity { get; init; }

    [JsonPropertyName("tolerations")] public List<V1Toleration>? Tolerations { get; init; }

    [JsonPropertyName("topologySpreadConstraints")] public List<V1TopologySpreadConstraint>? TopologySpreadConstraints { get; init; }

    [JsonPropertyName("resources")] public V1ResourceRequirements? Resources { get; init; }

    [JsonPropertyName("serviceAccount")] public GatewayServiceAccount? ServiceAccount { get; init; }

    [JsonPropertyName("extraVolumes")] public List<GatewayExtraVolume>? ExtraVolumes { get; init; }
}

public sealed record GatewayServiceAccount
{
    [JsonPropertyName("annotations")] public Dictionary<string, string>? Annotations { get; init; }
}

/// <summary>A Secret or ConfigMap mounted into the gateway pod.</summary>
public sealed record GatewayExtraVolume
{
    /// <summary>"secret" or "configMap".</summary>
    [JsonPropertyName("type")] public string? Type { get; init; }

    [JsonPropertyName("name")] public string? Name { get; init; }

    [JsonPropertyName("items")] public List<V1KeyToPath>? Items { get; init; }

    [JsonPropertyName("load")] public bool? Load { get; init; }
}
