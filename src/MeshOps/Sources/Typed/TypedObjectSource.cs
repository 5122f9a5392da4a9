using System.Reflection;
using k8s;
using k8s.Models;
using MeshOps.Consul;
using MeshOps.Consul.Helm;

namespace MeshOps.Sources.Typed;

/// <summary>
/// Reads objects already in memory (KubernetesClient models, generated <c>MeshOps.Consul</c> resources, Consul Helm
/// values) as manifests, with no YAML in between: each object is its own model. Nothing was written in a file, so an
/// object's location is a synthetic origin naming the source and the object, with no line (<see cref="Origin"/>).
/// </summary>
public static class TypedObjectSource
{
    /// <summary>The manifests of <paramref name="objects"/>; <paramref name="sourceName"/> names where they came from (a mesh class, a test).</summary>
    public static ManifestSet Read(IEnumerable<object> objects, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(objects);
        ArgumentException.ThrowIfNullOrEmpty(sourceName);
        var resources = new List<ManifestResource>();
        var errors = new List<LoadError>();
        var index = 0;
        foreach (var item in objects)
        {
            if (ToResource(item, sourceName, index++) is { } resource)
                resources.Add(resource);
            else
                errors.Add(Rejected(item, sourceName, index - 1));
        }

        return new ManifestSet(resources, errors);
    }

    /// <summary>Where an object read from memory "is": the source and kind/namespace/name, line 0 (none).</summary>
    public static SourceLocation Origin(string sourceName, ResourceRef resource) => new($"{sourceName}: {resource}", 0, 0);

    private static ManifestResource? ToResource(object? item, string sourceName, int index)
    {
        var (apiVersion, kind, metadata) = item switch
        {
            IMeshResource mesh => (mesh.ApiVersion, mesh.Kind, mesh.Metadata),
            IKubernetesObject<V1ObjectMeta> kubernetes => (kubernetes.ApiVersion ?? EntityOf(item).ApiVersion, kubernetes.Kind ?? EntityOf(item).Kind, kubernetes.Metadata),
            ConsulHelmValues => (ConsulHelmValues.ApiVersion, ConsulHelmValues.Kind, new V1ObjectMeta { Name = $"{sourceName}[{index}]" }),
            _ => (null, null, null),
        };
        if (string.IsNullOrEmpty(apiVersion) || string.IsNullOrEmpty(kind) || string.IsNullOrEmpty(metadata?.Name))
            return null;

        var ns = string.IsNullOrEmpty(metadata.NamespaceProperty) ? null : metadata.NamespaceProperty;
        return new ManifestResource
        {
            ApiVersion = apiVersion,
            Kind = kind,
            Name = metadata.Name,
            Namespace = ns,
            Location = Origin(sourceName, new ResourceRef(kind, ns, metadata.Name)),
            Origin = new ObjectOrigin(sourceName, kind, ns, metadata.Name, string.IsNullOrEmpty(metadata.ResourceVersion) ? null : metadata.ResourceVersion),
            Labels = Copy(metadata.Labels),
            Annotations = Copy(metadata.Annotations),
            Model = item,
        };
    }

    /// <summary>KubernetesClient models know their apiVersion and kind from their type even when the fields are unset.</summary>
    private static (string? ApiVersion, string? Kind) EntityOf(object item) =>
        item.GetType().GetCustomAttribute<KubernetesEntityAttribute>() is { } entity
            ? (string.IsNullOrEmpty(entity.Group) ? entity.ApiVersion : $"{entity.Group}/{entity.ApiVersion}", entity.Kind)
            : (null, null);

    private static LoadError Rejected(object? item, string sourceName, int index) => item switch
    {
        IMeshResource or IKubernetesObject<V1ObjectMeta> => new LoadError(LoadErrorIds.MissingIdentity, new SourceLocation($"{sourceName}[{index}]", 0, 0),
            $"The {item.GetType().Name} at position {index} has no apiVersion, kind or metadata.name."),
        _ => new LoadError(LoadErrorIds.NotAnObject, new SourceLocation($"{sourceName}[{index}]", 0, 0),
            $"The {item?.GetType().Name ?? "null"} at position {index} is not a Kubernetes object (a KubernetesClient model or a MeshOps.Consul resource)."),
    };

    private static IReadOnlyDictionary<string, string> Copy(IDictionary<string, string>? map) =>
        map is null ? new Dictionary<string, string>() : new Dictionary<string, string>(map);
}
