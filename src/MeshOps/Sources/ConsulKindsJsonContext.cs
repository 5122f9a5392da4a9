using System.Text.Json.Serialization;
using MeshOps.Consul;
using MeshOps.Consul.Helm;

namespace MeshOps.Sources;

/// <summary>
/// System.Text.Json metadata generated at build time for the kinds MeshOps reads that KubernetesClient's own generated
/// context does not know. Without it each was described by reflection when first read, with a Reflection.Emit
/// accessor per property: the first ServiceDefaults of a session cost ~100 ms of it (issue 14, first call). The kinds
/// live in MeshOps.Consul.dll because a source generator cannot see another generator's output.
/// </summary>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(ServiceDefaults))]
[JsonSerializable(typeof(ServiceIntentions))]
[JsonSerializable(typeof(ProxyDefaults))]
[JsonSerializable(typeof(Mesh))]
[JsonSerializable(typeof(ServiceResolver))]
[JsonSerializable(typeof(ServiceRouter))]
[JsonSerializable(typeof(ServiceSplitter))]
[JsonSerializable(typeof(ExportedServices))]
[JsonSerializable(typeof(IngressGateway))]
[JsonSerializable(typeof(TerminatingGateway))]
[JsonSerializable(typeof(ConsulHelmValues))]
internal sealed partial class ConsulKindsJsonContext : JsonSerializerContext;
