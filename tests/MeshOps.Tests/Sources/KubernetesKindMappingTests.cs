using k8s.Models;
using MeshOps.Sources.Files;

namespace MeshOps.Tests.Sources;

public class KubernetesKindMappingTests
{
    public static TheoryData<string, string, Type> CoreKinds => new()
    {
        { "apps/v1", "Deployment", typeof(V1Deployment) },
        { "apps/v1", "StatefulSet", typeof(V1StatefulSet) },
        { "apps/v1", "DaemonSet", typeof(V1DaemonSet) },
        { "apps/v1", "ReplicaSet", typeof(V1ReplicaSet) },
        { "v1", "Pod", typeof(V1Pod) },
        { "v1", "Service", typeof(V1Service) },
        { "v1", "Endpoints", typeof(V1Endpoints) },
        { "discovery.k8s.io/v1", "EndpointSlice", typeof(V1EndpointSlice) },
        { "v1", "ConfigMap", typeof(V1ConfigMap) },
        { "v1", "ServiceAccount", typeof(V1ServiceAccount) },
        { "v1", "Namespace", typeof(V1Namespace) },
    };

    [Theory]
    [MemberData(nameof(CoreKinds))]
    public void Core_kind_maps_to_its_kubernetes_client_model(string apiVersion, string kind, Type modelType)
    {
        var yaml = $"apiVersion: {apiVersion}\nkind: {kind}\nmetadata:\n  name: x\n  namespace: shop\n";

        var resource = Assert.Single(ManifestLoader.LoadText(yaml, "k.yaml").Resources);

        Assert.IsType(modelType, resource.Model);
        var metadata = (V1ObjectMeta)modelType.GetProperty("Metadata")!.GetValue(resource.Model)!;
        Assert.Equal(("x", "shop"), (metadata.Name, metadata.NamespaceProperty));
    }

    [Fact]
    public void Endpoint_slice_ports_and_addresses_are_read()
    {
        const string yaml = """
            apiVersion: discovery.k8s.io/v1
            kind: EndpointSlice
            metadata:
              name: payments-abc
              labels:
                kubernetes.io/service-name: payments
            addressType: IPv4
            ports:
              - name: http
                port: 8080
                protocol: TCP
            endpoints:
              - addresses: ["10.0.0.7"]
                conditions:
                  ready: true
            """;

        var slice = Assert.Single(ManifestLoader.LoadText(yaml, "slice.yaml").Resources).As<V1EndpointSlice>()!;

        Assert.Equal((8080, "10.0.0.7", true), (slice.Ports[0].Port, slice.Endpoints[0].Addresses[0], slice.Endpoints[0].Conditions.Ready));
    }

    [Fact]
    public void Statefulset_container_ports_and_service_name_are_read()
    {
        const string yaml = """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata:
              name: postgres
            spec:
              serviceName: postgres
              selector:
                matchLabels: {app: postgres}
              template:
                metadata:
                  labels: {app: postgres}
                spec:
                  containers:
                    - name: postgres
                      image: postgres:14
                      ports:
                        - containerPort: 5432
            """;

        var set = Assert.Single(ManifestLoader.LoadText(yaml, "pg.yaml").Resources).As<V1StatefulSet>()!;

        Assert.Equal(("postgres", 5432), (set.Spec.ServiceName, set.Spec.Template.Spec.Containers[0].Ports[0].ContainerPort));
    }
}
