using System.Globalization;
using System.Text.Json.Nodes;

namespace MeshOps.Simulation.Kubernetes;

/// <summary>
/// What the simulated API server holds: every object as the JSON a real server would return, keyed by API group,
/// kind, namespace and name (one object whatever version it is read in, as etcd keeps it). It assigns what a real
/// server assigns on write (uid, resourceVersion from one counter, creationTimestamp) and counts reads, so tests can
/// assert how many requests an analysis made. Thread-safe: the server's requests and the test's setup share it.
/// </summary>
public sealed class ObjectStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<ObjectKey, JsonObject> _objects = [];
    private long _resourceVersion = 1000;

    /// <summary>
    /// Raised after each <see cref="Put"/> with a copy of what was stored, outside the store's lock, so a controller
    /// (consul-k8s' config-entry sync) can react to a write and write back.
    /// </summary>
    public event Action<JsonObject>? Written;

    /// <summary>The object's group ("" for the core group), from its apiVersion.</summary>
    public static string GroupOf(JsonObject obj)
    {
        var apiVersion = (string?)obj["apiVersion"] ?? throw new ArgumentException("The object has no apiVersion.", nameof(obj));
        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? string.Empty : apiVersion[..slash];
    }

    /// <summary>Creates or replaces an object (a deep copy is kept) and returns the stored copy with its new resourceVersion.</summary>
    public JsonObject Put(JsonObject obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var copy = (JsonObject)obj.DeepClone();
        var metadata = copy["metadata"] as JsonObject ?? throw new ArgumentException("The object has no metadata.", nameof(obj));
        var key = KeyOf(copy);
        JsonObject stored;
        lock (_gate)
        {
            metadata["resourceVersion"] = (++_resourceVersion).ToString(CultureInfo.InvariantCulture);
            if (_objects.TryGetValue(key, out var existing))
            {
                metadata["uid"] = existing["metadata"]?["uid"]?.DeepClone();
                metadata["creationTimestamp"] = existing["metadata"]?["creationTimestamp"]?.DeepClone();
            }
            else
            {
                metadata["uid"] ??= Guid.NewGuid().ToString();
                metadata["creationTimestamp"] ??= DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
            }

            _objects[key] = copy;
            stored = (JsonObject)copy.DeepClone();
        }

        Written?.Invoke((JsonObject)stored.DeepClone());
        return stored;
    }

    /// <summary>A copy of the object, or null.</summary>
    public JsonObject? Get(string group, string kind, string? ns, string name)
    {
        lock (_gate)
        {
            return _objects.TryGetValue(new ObjectKey(group, kind, ns ?? string.Empty, name), out var found) ? (JsonObject)found.DeepClone() : null;
        }
    }

    /// <summary>Copies of the objects of one kind, in one namespace or (null) all, ordered by namespace and name as a server lists them.</summary>
    public IReadOnlyList<JsonObject> List(string group, string kind, string? ns)
    {
        lock (_gate)
        {
            return _objects
                .Where(p => p.Key.Group == group && p.Key.Kind == kind && (ns is null || p.Key.Namespace == ns))
                .OrderBy(p => p.Key.Namespace, StringComparer.Ordinal)
                .ThenBy(p => p.Key.Name, StringComparer.Ordinal)
                .Select(p => (JsonObject)p.Value.DeepClone())
                .ToList();
        }
    }

    public bool Delete(string group, string kind, string? ns, string name)
    {
        lock (_gate)
        {
            return _objects.Remove(new ObjectKey(group, kind, ns ?? string.Empty, name));
        }
    }

    /// <summary>The current resourceVersion of the store, which a list returns in its metadata.</summary>
    public string ResourceVersion
    {
        get
        {
            lock (_gate)
            {
                return _resourceVersion.ToString(CultureInfo.InvariantCulture);
            }
        }
    }

    private static ObjectKey KeyOf(JsonObject obj) => new(
        GroupOf(obj),
        (string?)obj["kind"] ?? throw new ArgumentException("The object has no kind.", nameof(obj)),
        (string?)obj["metadata"]?["namespace"] ?? string.Empty,
        (string?)obj["metadata"]?["name"] ?? throw new ArgumentException("The object has no name.", nameof(obj)));

    private readonly record struct ObjectKey(string Group, string Kind, string Namespace, string Name);
}
