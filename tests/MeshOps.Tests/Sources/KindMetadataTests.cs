using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using MeshOps.Consul;
using MeshOps.Sources;

namespace MeshOps.Tests.Sources;

/// <summary>
/// Every kind MeshOps reads is described by metadata generated at build time, never by reflection: reflection with
/// Reflection.Emit accessors cost a session's first Consul kind ~100 ms (issue 14). A kind added to the registry but
/// not to a generated context fails here.
/// </summary>
public class KindMetadataTests
{
    public static TheoryData<string, string> Kinds()
    {
        var data = new TheoryData<string, string>();
        foreach (var (apiVersion, kind, _) in KindRegistry.Kinds)
            data.Add(apiVersion, kind);
        return data;
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void The_kind_is_read_with_generated_metadata(string apiVersion, string kind)
    {
        var type = KindRegistry.TypeOf(apiVersion, kind)!;

        var resolver = KindRegistry.MetadataOf(type).OriginatingResolver;

        Assert.IsAssignableFrom<JsonSerializerContext>(resolver);
        Assert.IsNotType<DefaultJsonTypeInfoResolver>(resolver);
    }

    [Fact]
    public void Consul_kinds_keep_kubernetes_client_metadata_for_their_object_meta()
    {
        // The Consul kinds' context also knows V1ObjectMeta; KubernetesClient's context answers for it first, so a
        // Consul kind's metadata is read exactly as a Deployment's.
        var resolver = KindRegistry.MetadataOf(typeof(k8s.Models.V1ObjectMeta)).OriginatingResolver;

        Assert.Equal("k8s.SourceGenerationContext", resolver?.GetType().FullName);
        Assert.IsType<ConsulKindsJsonContext>(KindRegistry.MetadataOf(typeof(ServiceDefaults)).OriginatingResolver);
    }

    [Fact]
    public void A_consul_kind_read_through_the_generated_metadata_keeps_lenient_enums_and_unknown_fields()
    {
        var json = """
            {"apiVersion":"consul.hashicorp.com/v1alpha1","kind":"ServiceDefaults","metadata":{"name":"api"},
             "spec":{"protocol":"http","mode":"not-a-mode","someFutureField":{"a":1}}}
            """u8;

        var defaults = Assert.IsType<ServiceDefaults>(KindRegistry.Deserialize("consul.hashicorp.com/v1alpha1", "ServiceDefaults", json));

        Assert.Equal("api", defaults.Metadata?.Name);
        Assert.Equal(MeshProtocol.Http, defaults.Spec?.Protocol);
        Assert.Null(defaults.Spec?.Mode);
        Assert.True(defaults.Spec?.AdditionalProperties?.ContainsKey("someFutureField"));
    }
}
