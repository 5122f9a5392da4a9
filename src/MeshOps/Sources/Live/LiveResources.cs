using System.Text;
using System.Text.Json;
using k8s;
using k8s.Models;
using MeshOps.Consul;

namespace MeshOps.Sources.Live;

/// <summary>Turns a listed object into the <see cref="ManifestResource"/> every source hands the model.</summary>
internal static class LiveResources
{
    /// <summary>
    /// Where a live object "is": kind/namespace/name and the version read, with no line. Findings and errors print it
    /// where a file finding prints file:line (Deployment/shop/public-api (resourceVersion 1234)).
    /// </summary>
    public static SourceLocation Location(string kind, string? ns, string name, string? resourceVersion) =>
        new(new ResourceRef(kind, ns, name) + (string.IsNullOrEmpty(resourceVersion) ? string.Empty : $" (resourceVersion {resourceVersion})"), 0, 0);

    /// <summary>The resource, or a load error when a custom resource does not fit its kind's type.</summary>
    public static (ManifestResource? Resource, LoadError? Error) Read(object item, string context)
    {
        var (apiVersion, kind, model) = item switch
        {
            RawObject raw => (raw.ApiVersion, raw.Kind, Typed(raw, out var failure) ?? (object?)failure),
            IKubernetesObject<V1ObjectMeta> typed => (typed.ApiVersion, typed.Kind, (object?)typed),
            _ => throw new ArgumentException($"Not a listed object: {item.GetType().Name}", nameof(item)),
        };
        if (model is LoadError error)
        {
            return (null, error);
        }

        var metadata = model switch
        {
            IMeshResource mesh => mesh.Metadata,
            IKubernetesObject<V1ObjectMeta> kubernetes => kubernetes.Metadata,
            _ => null,
        };
        if (metadata is null || string.IsNullOrEmpty(metadata.Name))
        {
            return (null, null);
        }

        var ns = string.IsNullOrEmpty(metadata.NamespaceProperty) ? null : metadata.NamespaceProperty;
        var version = string.IsNullOrEmpty(metadata.ResourceVersion) ? null : metadata.ResourceVersion;
        return (new ManifestResource
        {
            ApiVersion = apiVersion,
            Kind = kind,
            Name = metadata.Name,
            Namespace = ns,
            Location = Location(kind, ns, metadata.Name, version),
            Origin = new ObjectOrigin(context, kind, ns, metadata.Name, version),
            Labels = Copy(metadata.Labels),
            Annotations = Copy(metadata.Annotations),
            Model = model,
        }, null);
    }

    private static object? Typed(RawObject raw, out LoadError? failure)
    {
        failure = null;
        try
        {
            return KindRegistry.Deserialize(raw.ApiVersion, raw.Kind, Encoding.UTF8.GetBytes(raw.Json.GetRawText()));
        }
        catch (JsonException invalid)
        {
            var name = raw.Json.TryGetProperty("metadata", out var metadata) && metadata.TryGetProperty("name", out var n) ? n.GetString() : null;
            var ns = metadata.ValueKind == JsonValueKind.Object && metadata.TryGetProperty("namespace", out var nsElement) ? nsElement.GetString() : null;
            failure = new LoadError(
                LoadErrorIds.InvalidField,
                Location(raw.Kind, ns, name ?? "<unnamed>", null),
                $"The {raw.Kind} does not fit the consul.hashicorp.com schema MeshOps reads: {invalid.Message}");
            return null;
        }
    }

    private static Dictionary<string, string> Copy(IDictionary<string, string>? map) =>
        map is null ? [] : new Dictionary<string, string>(map, StringComparer.Ordinal);
}
