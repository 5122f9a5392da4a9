using System.Text;
using System.Text.Json.Nodes;
using k8s;
using MeshOps.Consul;
using MeshOps.Sources;
using MeshOps.Sources.Live;

namespace MeshOps.Publishing;

/// <summary>
/// One consul.hashicorp.com resource as it is sent for server-side apply: its body with the namespace filled in (as
/// kubectl apply fills it from the context) and without what the server owns (status, resourceVersion, managedFields),
/// a typed copy of that body for the rule check, and where it was written when it came from a file.
/// </summary>
public sealed class DesiredObject
{
    private const string ConsulGroup = "consul.hashicorp.com";

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

    public string Group => ApiVersion[..ApiVersion.IndexOf('/', StringComparison.Ordinal)];

    public string Version => ApiVersion[(ApiVersion.IndexOf('/', StringComparison.Ordinal) + 1)..];

    /// <summary>The resource name in the API path (serviceintentions), as consul-k8s' CRDs name it.</summary>
    public string Plural => LiveKinds.Plural(Kind);

    /// <summary>How the object is named in messages: its file and line when it has one, else kind/namespace/name.</summary>
    public string Describe() => Location is { } at ? $"{Ref} ({at})" : Ref.ToString();

    /// <summary>The object to apply, in <paramref name="defaultNamespace"/> when it names none.</summary>
    /// <exception cref="ArgumentException">The object is no consul.hashicorp.com resource with a name.</exception>
    public static DesiredObject From(object item, string defaultNamespace, SourceLocation? location = null)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentException.ThrowIfNullOrEmpty(defaultNamespace);
        if (item is not IMeshResource mesh || !mesh.ApiVersion.StartsWith(ConsulGroup + "/", StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"A {DescribeType(item)} is not applied: Publish-MeshConfig applies consul.hashicorp.com resources (ServiceIntentions, ServiceDefaults, ...); apply other objects with kubectl apply --server-side.",
                nameof(item));
        }

        if (string.IsNullOrEmpty(mesh.Metadata?.Name))
        {
            throw new ArgumentException($"The {mesh.Kind} has no metadata.name, so it cannot be applied.", nameof(item));
        }

        var body = JsonNode.Parse(KubernetesJson.Serialize(item))!.AsObject();
        body["apiVersion"] = mesh.ApiVersion;
        body["kind"] = mesh.Kind;
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

        var model = KindRegistry.Deserialize(mesh.ApiVersion, mesh.Kind, Encoding.UTF8.GetBytes(body.ToJsonString()))
            ?? throw new ArgumentException($"{mesh.ApiVersion} {mesh.Kind} is not a kind MeshOps knows.", nameof(item));
        return new DesiredObject(body, model, location);
    }

    private static string DescribeType(object item) => item switch
    {
        IMeshResource mesh => $"{mesh.ApiVersion} {mesh.Kind}",
        ManifestResource manifest => $"{manifest.ApiVersion} {manifest.Kind} '{manifest.Name}'",
        IKubernetesObject kubernetes => $"{kubernetes.ApiVersion} {kubernetes.Kind}",
        _ => item.GetType().FullName ?? item.GetType().Name,
    };

    private static string Text(JsonObject body, string key) => (string?)body[key] ?? string.Empty;
}
