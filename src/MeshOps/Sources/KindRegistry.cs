using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using k8s;
using k8s.Models;
using MeshOps.Consul;
using MeshOps.Consul.Helm;

namespace MeshOps.Sources;

/// <summary>
/// The kinds MeshOps models, by apiVersion and kind: the one table every source (files, a cluster, typed objects) maps
/// kinds with. Each kind has a deserializer bound once here, so reading a document needs no reflection. Any other
/// kind is kept untyped.
/// </summary>
public static class KindRegistry
{
    private const string ConsulV1Alpha1 = "consul.hashicorp.com/v1alpha1";

    /// <summary>
    /// KubernetesClient's options, so its converters (IntOrString, quantities, dates) apply, with the generated metadata
    /// of the Consul kinds between its own generated context and the reflection it falls back on.
    /// </summary>
    /// <remarks>
    /// Made on first use, not with the table: reading files goes through the generated readers, and a session's first
    /// Test-MeshConfig then never needs System.Text.Json (issue 14, first call).
    /// </remarks>
    private static JsonSerializerOptions Options => LazyOptions.Value;

    private static class LazyOptions
    {
        public static readonly JsonSerializerOptions Value = CreateOptions();
    }

    // By kind, each entry naming its apiVersion: no two modelled kinds share a name. A plain dictionary with a class
    // value, not a frozen one keyed by (apiVersion, kind): a session's first command builds this table, and a frozen
    // dictionary over a value-type key JIT-compiled dozens of generic methods for it (issue 14, first call).
    private static readonly Dictionary<string, KindEntry> Deserializers = ByKind(
        [
            Read<V1Deployment>("apps/v1", "Deployment"),
            Read<V1StatefulSet>("apps/v1", "StatefulSet"),
            Read<V1DaemonSet>("apps/v1", "DaemonSet"),
            Read<V1ReplicaSet>("apps/v1", "ReplicaSet"),
            Read<V1Pod>("v1", "Pod"),
            Read<V1Service>("v1", "Service"),
            Read<V1Endpoints>("v1", "Endpoints"),
            Read<V1EndpointSlice>("discovery.k8s.io/v1", "EndpointSlice"),
            Read<V1ConfigMap>("v1", "ConfigMap"),
            Read<V1ServiceAccount>("v1", "ServiceAccount"),
            Read<V1Namespace>("v1", "Namespace"),
            Read<V1NetworkPolicy>("networking.k8s.io/v1", "NetworkPolicy"),
            Read<ServiceDefaults>(ConsulV1Alpha1, "ServiceDefaults"),
            Read<ServiceIntentions>(ConsulV1Alpha1, "ServiceIntentions"),
            Read<ProxyDefaults>(ConsulV1Alpha1, "ProxyDefaults"),
            Read<Mesh>(ConsulV1Alpha1, "Mesh"),
            Read<ServiceResolver>(ConsulV1Alpha1, "ServiceResolver"),
            Read<ServiceRouter>(ConsulV1Alpha1, "ServiceRouter"),
            Read<ServiceSplitter>(ConsulV1Alpha1, "ServiceSplitter"),
            Read<ExportedServices>(ConsulV1Alpha1, "ExportedServices"),
            Read<IngressGateway>(ConsulV1Alpha1, "IngressGateway"),
            Read<TerminatingGateway>(ConsulV1Alpha1, "TerminatingGateway"),
            Read<ConsulHelmValues>(ConsulHelmValues.ApiVersion, ConsulHelmValues.Kind),
        ]);

    /// <summary>Every modelled kind with the type it is read as.</summary>
    /// <remarks>Built when first asked for, not with the table: reading documents never needs it (issue 14, first call).</remarks>
    public static IReadOnlyList<(string ApiVersion, string Kind, Type Type)> Kinds => kinds ??=
        [.. Deserializers.Values.Select(e => (e.ApiVersion, e.Kind, e.Type)).OrderBy(k => k.ApiVersion, StringComparer.Ordinal).ThenBy(k => k.Kind, StringComparer.Ordinal)];

    private static IReadOnlyList<(string ApiVersion, string Kind, Type Type)>? kinds;

    /// <summary>The type a kind is read as (<c>V1Service</c>, <c>ServiceDefaults</c>), or null for a kind MeshOps keeps untyped.</summary>
    public static Type? TypeOf(string apiVersion, string kind) => Entry(apiVersion, kind)?.Type;

    /// <summary>Reads one object's JSON (UTF-8) as its kind's type; null for a kind MeshOps keeps untyped.</summary>
    /// <exception cref="JsonException">The JSON does not fit the kind's type.</exception>
    public static object? Deserialize(string apiVersion, string kind, ReadOnlySpan<byte> json) =>
        Find(apiVersion, kind) is { } read ? read(json) : null;

    /// <summary>
    /// A typed model as JSON text, written with the metadata it is read with (KubernetesClient's converters; the Consul
    /// kinds' generated metadata), so one description of each kind serves both directions.
    /// </summary>
    internal static string Serialize(object model) => JsonSerializer.Serialize(model, model.GetType(), Options);

    /// <summary>JSON text read back as <typeparamref name="T"/>, with the same metadata as <see cref="Serialize"/>.</summary>
    internal static T? Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, Options);

    /// <summary>A typed model as a JSON tree, written with KubernetesClient's converters as it was read.</summary>
    internal static System.Text.Json.Nodes.JsonNode? ToJsonNode(object model) =>
        JsonSerializer.SerializeToNode(model, model.GetType(), Options);

    /// <summary>
    /// A model type's JSON metadata: its fields by JSON name, with getters that need no reflection for KubernetesClient's
    /// types (its source-generated context). A walk over a model that read properties by reflection had the runtime emit
    /// and JIT-compile an invoke stub per property (176 on a session's first Test-MeshConfig, 148 fewer methods in all; issue 14).
    /// </summary>
    internal static JsonTypeInfo MetadataOf(Type type) => Options.GetTypeInfo(type);

    internal static JsonReader? Find(string apiVersion, string kind) => Entry(apiVersion, kind)?.Read;

    private static KindEntry? Entry(string apiVersion, string kind) =>
        Deserializers.TryGetValue(kind, out var entry) && string.Equals(entry.ApiVersion, apiVersion, StringComparison.Ordinal) ? entry : null;

    private static Dictionary<string, KindEntry> ByKind(KindEntry[] entries)
    {
        var byKind = new Dictionary<string, KindEntry>(entries.Length, StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (!byKind.TryAdd(entry.Kind, entry))
                throw new InvalidOperationException($"Two modelled kinds are named {entry.Kind}.");
        }

        return byKind;
    }

    /// <remarks>
    /// Deserialising from a span with the type's metadata resolved once is markedly cheaper than
    /// <c>KubernetesJson.Deserialize(Stream)</c>, whose buffered stream path dominates for small documents. The metadata
    /// is resolved when the kind is first read, not for every kind when the table is built: a session's first command
    /// reads a handful of kinds, and resolving all of them cost it tens of milliseconds (issue 14, first call). Two
    /// threads resolving it at once get the same cached metadata, so the race is harmless.
    /// </remarks>
    private static KindEntry Read<T>(string apiVersion, string kind)
    {
        JsonTypeInfo<T>? typeInfo = null;
        return new KindEntry(apiVersion, kind, typeof(T), json => JsonSerializer.Deserialize(json, typeInfo ??= (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T))));
    }

    private sealed record KindEntry(string ApiVersion, string Kind, Type Type, JsonReader Read);

    // A copy: KubernetesClient's own instance serves its API calls and is not ours to change.
    private static JsonSerializerOptions CreateOptions()
    {
        JsonSerializerOptions? captured = null;
        KubernetesJson.AddJsonOptions(options => captured = options);
        var options = new JsonSerializerOptions(captured!);
        var reflection = options.TypeInfoResolverChain.ToList().FindIndex(resolver => resolver is DefaultJsonTypeInfoResolver);
        options.TypeInfoResolverChain.Insert(reflection < 0 ? options.TypeInfoResolverChain.Count : reflection, ConsulKindsJsonContext.Default);
        return options;
    }
}

/// <summary>Reads one JSON document (UTF-8) into a typed model.</summary>
internal delegate object? JsonReader(ReadOnlySpan<byte> json);
