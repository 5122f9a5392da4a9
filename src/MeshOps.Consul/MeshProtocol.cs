using System.Text.Json.Serialization;

namespace MeshOps.Consul;

/// <summary>The protocol Consul's Envoy proxies speak for a service (<c>ServiceDefaults.spec.protocol</c>).</summary>
[ConsulReadsAnyCase]
[JsonConverter(typeof(ConsulEnumConverter<MeshProtocol>))]
public enum MeshProtocol
{
    /// <summary>Plain TCP: Envoy forwards bytes and can enforce only L4 intentions. Consul's default.</summary>
    [JsonStringEnumMemberName("tcp")] Tcp,

    /// <summary>HTTP/1.1: L7 intentions, routers and splitters work.</summary>
    [JsonStringEnumMemberName("http")] Http,

    /// <summary>HTTP/2 (cleartext between app and sidecar).</summary>
    [JsonStringEnumMemberName("http2")] Http2,

    /// <summary>gRPC over HTTP/2.</summary>
    [JsonStringEnumMemberName("grpc")] Grpc,
}
