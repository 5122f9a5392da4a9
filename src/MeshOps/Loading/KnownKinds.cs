using System.Collections.Frozen;
using k8s;
using k8s.Models;
using MeshOps.Consul.Crds;
using MeshOps.Consul.Helm;

namespace MeshOps.Loading;

/// <summary>
/// The kinds MeshOps models, by apiVersion and kind, each with a deserializer bound once here so that
/// loading a document needs no reflection. Anything else is kept untyped.
/// </summary>
internal static class KnownKinds
{
    private const string ConsulV1Alpha1 = "consul.hashicorp.com/v1alpha1";

    private static readonly FrozenDictionary<(string ApiVersion, string Kind), Func<Stream, object?>> Deserializers =
        new Dictionary<(string ApiVersion, string Kind), Func<Stream, object?>>
        {
            [("apps/v1", "Deployment")] = Read<V1Deployment>,
            [("apps/v1", "StatefulSet")] = Read<V1StatefulSet>,
            [("apps/v1", "DaemonSet")] = Read<V1DaemonSet>,
            [("apps/v1", "ReplicaSet")] = Read<V1ReplicaSet>,
            [("v1", "Pod")] = Read<V1Pod>,
            [("v1", "Service")] = Read<V1Service>,
            [("v1", "Endpoints")] = Read<V1Endpoints>,
            [("discovery.k8s.io/v1", "EndpointSlice")] = Read<V1EndpointSlice>,
            [("v1", "ConfigMap")] = Read<V1ConfigMap>,
            [("v1", "ServiceAccount")] = Read<V1ServiceAccount>,
            [("v1", "Namespace")] = Read<V1Namespace>,
            [(ConsulV1Alpha1, "ServiceDefaults")] = Read<ServiceDefaults>,
            [(ConsulV1Alpha1, "ServiceIntentions")] = Read<ServiceIntentions>,
            [(ConsulV1Alpha1, "ProxyDefaults")] = Read<ProxyDefaults>,
            [(ConsulV1Alpha1, "Mesh")] = Read<Mesh>,
            [(ConsulV1Alpha1, "ServiceResolver")] = Read<ServiceResolver>,
            [(ConsulV1Alpha1, "ServiceRouter")] = Read<ServiceRouter>,
            [(ConsulV1Alpha1, "ServiceSplitter")] = Read<ServiceSplitter>,
            [(ConsulV1Alpha1, "ExportedServices")] = Read<ExportedServices>,
            [(ConsulV1Alpha1, "IngressGateway")] = Read<IngressGateway>,
            [(ConsulV1Alpha1, "TerminatingGateway")] = Read<TerminatingGateway>,
            [(ConsulHelmValues.ApiVersion, ConsulHelmValues.Kind)] = Read<ConsulHelmValues>,
        }.ToFrozenDictionary();

    public static Func<Stream, object?>? Find(string apiVersion, string kind) =>
        Deserializers.GetValueOrDefault((apiVersion, kind));

    private static object? Read<T>(Stream json) => KubernetesJson.Deserialize<T>(json);
}
