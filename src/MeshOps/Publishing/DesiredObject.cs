using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using MeshOps.Consul;
using MeshOps.Sources;
using MeshOps.Sources.Live;

namespace MeshOps.Publishing;

/// <summary>
/// One object as it is sent for server-side apply (a consul.hashicorp.com resource, or one of the core kinds a mesh
/// service needs beside its entries: a v1 Service or ServiceAccount): its body with the namespace filled in (as
/// kubectl apply fills it from the context) and without what the server owns (status, resourceVersion, managedFields),
/// a typed copy of that body for the rule check, and where it was written when it came from a file.
/// </summary>
public sealed class DesiredObject
{
    private const string ConsulGroup = "consul.hashicorp.com";

    // The core kinds New-MeshServicePort and New-MeshServiceAccount make, with their API path names. Nothing else of
    // group "" is applied: a Secret or a ConfigMap is not mesh configuration, and a Secret's data must never be sent by us.
    private static readonly Dictionary<string, string> CoreKinds = new(StringComparer.Ordinal)
    {
        ["Service"] = "services",
        ["ServiceAccount"] = "serviceaccounts",
    };

    // What the API server assigns or owns; an apply body carrying them is refused or would pin a stale version.
    private static readonly string[] ServerMetadata = ["uid", "resourceVersion", "creationTimestamp", "generation", "managedFields", "selfLink"];

    private DesiredObject(JsonObject body, object model, SourceLocation? location)
    {
        Body = body;
        Model = model;
        Location = location;
        ApiVersion = Text(body, "apiVersion");
        Kind = Text(body, "kind");
        Name = (string?)body["metadata"]?["name"] ?? string.Empty;
        Namespace = (string?)body["metadata"]?["namespace"] ?? string.Empty;
    }

    public string ApiVersion { get; }

    public string Kind { get; }

    public string Name { get; }

    public string Namespace { get; }

    /// <summary>The JSON sent as the apply body.</summary>
    public JsonObject Body { get; }

    /// <summary>The typed object (a MeshOps.Consul kind) the body reads as, namespace included.</summary>
    public object Model { get; }

    /// <summary>Where the object was written (file and line), or null for an object built in memory.</summary>
    public SourceLocation? Location { get; }

    public ResourceRef Ref => new(Kind, Namespace, Name);

    /// <summary>The API group: consul.hashicorp.com, or "" for the core group (apiVersion v1).</summary>
    public string Group => ApiVersion.Contains('/', StringComparison.Ordinal) ? ApiVersion[..ApiVersion.IndexOf('/', StringComparison.Ordinal)] : string.Empty;

    public string Version => ApiVersion[(ApiVersion.IndexOf('/', StringComparison.Ordinal) + 1)..];

    /// <summary>True for a core object (a Service, a ServiceAccount): no controller syncs it into Consul, so -Wait has nothing to wait for.</summary>
    public bool IsCore => Group.Length == 0;

    /// <summary>The resource name in the API path (services, serviceintentions), as Kubernetes and consul-k8s' CRDs name it.</summary>
    public string Plural => IsCore ? CoreKinds[Kind] : LiveKinds.Plural(Kind);

    /// <summary>How the object is named in messages: its file and line when it has one, else kind/namespace/name.</summary>
    public string Describe() => Location is { } at ? $"{Ref} ({at})" : Ref.ToString();

    /// <summary>The object to apply, in <paramref name="defaultNamespace"/> when it names none.</summary>
    /// <exception cref="ArgumentException">The object is neither a consul.hashicorp.com resource nor a v1 Service or ServiceAccount, or has no name.</exception>
    public static DesiredObject From(object item, string defaultNamespace, SourceLocation? location = null)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentException.ThrowIfNullOrEmpty(defaultNamespace);
        var (apiVersion, kind, name) = Identity(item) ?? throw new ArgumentException(
            $"A {DescribeType(item)} is not applied: Publish-MeshConfig applies consul.hashicorp.com resources (ServiceIntentions, ServiceDefaults, ...) and v1 Services and ServiceAccounts; apply other objects with kubectl apply --server-side.",
            nameof(item));

        if (string.IsNullOrEmpty(name))
        {
            throw new ArgumentException($"The {kind} has no metadata.name, so it cannot be applied.", nameof(item));
        }

        var body = JsonNode.Parse(KindRegistry.Serialize(item))!.AsObject();
        body["apiVersion"] = apiVersion;
        body["kind"] = kind;
        body.Remove("status");
        var metadata = body["metadata"]!.AsObject();
        foreach (var field in ServerMetadata)
        {
            metadata.Remove(field);
        }

        if (string.IsNullOrEmpty((string?)metadata["namespace"]))
        {
            metadata["namespace"] = defaultNamespace;
        }

        var model = KindRegistry.Deserialize(apiVersion, kind, Encoding.UTF8.GetBytes(body.ToJsonString()))
            ?? throw new ArgumentException($"{apiVersion} {kind} is not a kind MeshOps knows.", nameof(item));
        return new DesiredObject(body, model, location);
    }

    /// <summary>apiVersion, kind and name of an object Publish-MeshConfig applies; null for any other object.</summary>
    private static (string ApiVersion, string Kind, string? Name)? Identity(object item)
    {
        if (item is IMeshResource mesh)
        {
            return mesh.ApiVersion.StartsWith(ConsulGroup + "/", StringComparison.Ordinal) ? (mesh.ApiVersion, mesh.Kind, mesh.Metadata?.Name) : null;
        }

        if (item is V1Service or V1ServiceAccount && item is IKubernetesObject<V1ObjectMeta> core)
        {
            // A model made with ::new() leaves apiVersion and kind unset; its type says what it is.
            var (apiVersion, kind) = EntityOf(item);
            return (string.IsNullOrEmpty(core.ApiVersion) ? apiVersion : core.ApiVersion) == "v1" && CoreKinds.ContainsKey(kind)
                ? ("v1", kind, core.Metadata?.Name)
                : null;
        }

        return null;
    }

    private static (string ApiVersion, string Kind) EntityOf(object item)
    {
        var entity = item.GetType().GetCustomAttribute<KubernetesEntityAttribute>()!;
        return (string.IsNullOrEmpty(entity.Group) ? entity.ApiVersion : $"{entity.Group}/{entity.ApiVersion}", entity.Kind);
    }

    private static string DescribeType(object item) => item switch
    {
        IMeshResource mesh => $"{mesh.ApiVersion} {mesh.Kind}",
        ManifestResource manifest => $"{manifest.ApiVersion} {manifest.Kind} '{manifest.Name}'",
        IKubernetesObject kubernetes when item.GetType().GetCustomAttribute<KubernetesEntityAttribute>() is { } entity =>
            $"{(string.IsNullOrEmpty(entity.Group) ? entity.ApiVersion : $"{entity.Group}/{entity.ApiVersion}")} {entity.Kind}",
        IKubernetesObject kubernetes => $"{kubernetes.ApiVersion} {kubernetes.Kind}",
        _ => item.GetType().FullName ?? item.GetType().Name,
    };

    private static string Text(JsonObject body, string key) => (string?)body[key] ?? string.Empty;
}
