using k8s.Models;
using MeshOps.Sources;
using MeshOps.Sources.Files;
using MeshOps.Sources.Typed;

namespace MeshOps.Tests.Sources;

/// <summary>Every resource says where it came from: a file position, or the object it was read as.</summary>
public class ResourceOriginTests
{
    [Fact]
    public void A_resource_read_from_a_file_comes_from_its_document()
    {
        var manifests = ManifestLoader.LoadText("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n", "two.yaml");

        Assert.Equal([new FileOrigin("two.yaml", 1, 1), new FileOrigin("two.yaml", 6, 1)], manifests.Resources.Select(r => r.Origin));
    }

    [Fact]
    public void An_object_read_as_an_object_names_its_source_kind_and_resource_version()
    {
        var service = new V1Service { Metadata = new V1ObjectMeta { Name = "payments", NamespaceProperty = "shop", ResourceVersion = "4711" } };

        var resource = Assert.Single(TypedObjectSource.Read([service], "kind-shop").Resources);

        Assert.Equal(new ObjectOrigin("kind-shop", "Service", "shop", "payments", "4711"), resource.Origin);
        Assert.Equal("kind-shop: Service/shop/payments (resourceVersion 4711)", resource.Origin.ToString());
    }

    [Fact]
    public void The_kind_registry_maps_kinds_to_the_types_every_source_reads_them_as()
    {
        Assert.Equal(typeof(V1Service), KindRegistry.TypeOf("v1", "Service"));
        Assert.Equal(typeof(MeshOps.Consul.ServiceDefaults), KindRegistry.TypeOf("consul.hashicorp.com/v1alpha1", "ServiceDefaults"));
        Assert.Null(KindRegistry.TypeOf("v1", "Secret"));
        Assert.Contains(KindRegistry.Kinds, k => k.Kind == "TerminatingGateway" && k.Type == typeof(MeshOps.Consul.TerminatingGateway));

        var read = KindRegistry.Deserialize("v1", "Service", """{"apiVersion":"v1","kind":"Service","metadata":{"name":"web"},"spec":{"ports":[{"port":80}]}}"""u8);

        Assert.Equal(80, Assert.IsType<V1Service>(read).Spec.Ports[0].Port);
        Assert.Null(KindRegistry.Deserialize("v1", "Secret", "{}"u8));
    }
}
