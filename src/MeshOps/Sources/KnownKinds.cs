using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using k8s;
using k8s.Models;
using MeshOps.Consul;
using MeshOps.Consul.Helm;

namespace MeshOps.Sources;

/// <summary>
/// The kinds MeshOps models, by apiVersion and kind, each with a deserializer bound once here so that
/// loading a document needs no reflection. Anything else is kept untyped.
/// </summary>
internal static class KnownKinds
{
    private const string ConsulV1Alpha1 = "consul.hashicorp.com/v1alpha1";

    /// <summary>KubernetesClient's own options, so its converters (IntOrString, quantities, dates) apply.</summary>
    private static readonly JsonSerializerOptions Options = CaptureKubernetesOptions();

    private static readonly FrozenDictionary<(string ApiVersion, string Kind), JsonReader> Deserializers =
        new Dictionary<(string ApiVersion, string Kind), JsonReader>
        {
            [("apps/v1", "Deployment")] = Read<V1Deployment>(),
            [("apps/v1", "StatefulSet")] = Read<V1StatefulSet>(),
            [("apps/v1", "DaemonSet")] = Read<V1DaemonSet>(),
            [("apps/v1", "ReplicaSet")] = Read<V1ReplicaSet>(),
            [("v1", "Pod")] = Read<V1Pod>(),
            [("v1", "Service")] = Read<V1Service>(),
            [("v1", "Endpoints")] = Read<V1Endpoints>(),
            [("discovery.k8s.io/v1", "EndpointSlice")] = Read<V1EndpointSlice>(),
            [("v1", "ConfigMap")] = Read<V1ConfigMap>(),
            [("v1", "ServiceAccount")] = Read<V1ServiceAccount>(),
            [("v1", "Namespace")] = Read<V1Namespace>(),
            [(ConsulV1Alpha1, "ServiceDefaults")] = Read<ServiceDefaults>(),
            [(ConsulV1Alpha1, "ServiceIntentions")] = Read<ServiceIntentions>(),
            [(ConsulV1Alpha1, "ProxyDefaults")] = Read<ProxyDefaults>(),
            [(ConsulV1Alpha1, "Mesh")] = Read<Mesh>(),
            [(ConsulV1Alpha1, "ServiceResolver")] = Read<ServiceResolver>(),
            [(ConsulV1Alpha1, "ServiceRouter")] = Read<ServiceRouter>(),
            [(ConsulV1Alpha1, "ServiceSplitter")] = Read<ServiceSplitter>(),
            [(ConsulV1Alpha1, "ExportedServices")] = Read<ExportedServices>(),
            [(ConsulV1Alpha1, "IngressGateway")] = Read<IngressGateway>(),
            [(ConsulV1Alpha1, "TerminatingGateway")] = Read<TerminatingGateway>(),
            [(ConsulHelmValues.ApiVersion, ConsulHelmValues.Kind)] = Read<ConsulHelmValues>(),
        }.ToFrozenDictionary();

    public static JsonReader? Find(string apiVersion, string kind) =>
        Deserializers.GetValueOrDefault((apiVersion, kind));

    /// <remarks>
    /// Deserialising from a span with the type's metadata resolved once is markedly cheaper than
    /// <c>KubernetesJson.Deserialize(Stream)</c>, whose buffered stream path dominates for small documents.
    /// </remarks>
    private static JsonReader Read<T>()
    {
        var typeInfo = (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));
        return json => JsonSerializer.Deserialize(json, typeInfo);
    }

    private static JsonSerializerOptions CaptureKubernetesOptions()
    {
        JsonSerializerOptions? captured = null;
        KubernetesJson.AddJsonOptions(options => captured = options);
        return captured!;
    }
}

/// <summary>Reads one JSON document (UTF-8) into a typed model.</summary>
internal delegate object? JsonReader(ReadOnlySpan<byte> json);
