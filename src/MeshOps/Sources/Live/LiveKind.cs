using System.Text.Json;
using k8s;
using k8s.Models;

namespace MeshOps.Sources.Live;

/// <summary>
/// One kind the live snapshot lists, with the two ways to list it: in one namespace, or across all of them (one
/// request either way, never one per object). <see cref="Plural"/> is the resource name RBAC and the API path use.
/// </summary>
internal sealed record LiveKind(string ApiVersion, string Kind, string Plural, LiveKind.Lister InNamespace, LiveKind.Lister AllNamespaces)
{
    /// <summary>Lists the kind in <c>ns</c> (null: all namespaces) with an optional label selector.</summary>
    public delegate Task<IReadOnlyList<object>> Lister(IKubernetes client, string? ns, string? labelSelector, CancellationToken ct);

    public string Group => ApiVersion.Contains('/', StringComparison.Ordinal) ? ApiVersion[..ApiVersion.IndexOf('/', StringComparison.Ordinal)] : string.Empty;

    /// <summary>A kind of KubernetesClient's typed API (<typeparamref name="T"/> is its model).</summary>
    public static LiveKind Typed<T>(
        string apiVersion,
        string kind,
        string plural,
        Func<IKubernetes, string, string?, CancellationToken, Task<IEnumerable<T>>> inNamespace,
        Func<IKubernetes, string?, CancellationToken, Task<IEnumerable<T>>> allNamespaces)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        return new LiveKind(
            apiVersion,
            kind,
            plural,
            async (client, ns, selector, ct) => Stamp(ns is null ? await allNamespaces(client, selector, ct).ConfigureAwait(false) : await inNamespace(client, ns, selector, ct).ConfigureAwait(false)),
            async (client, _, selector, ct) => Stamp(await allNamespaces(client, selector, ct).ConfigureAwait(false)));

        // List items carry no apiVersion or kind; the model's readers may look at them, as at a manifest's.
        IReadOnlyList<object> Stamp(IEnumerable<T> items) =>
            [.. items.Select(item =>
            {
                item.ApiVersion = apiVersion;
                item.Kind = kind;
                return (object)item;
            })];
    }

    /// <summary>A consul.hashicorp.com custom resource, read through the generated MeshOps.Consul type.</summary>
    public static LiveKind Custom(string apiVersion, string kind, string plural)
    {
        var (group, version) = (apiVersion[..apiVersion.IndexOf('/', StringComparison.Ordinal)], apiVersion[(apiVersion.IndexOf('/', StringComparison.Ordinal) + 1)..]);
        return new LiveKind(
            apiVersion,
            kind,
            plural,
            async (client, ns, selector, ct) => Items(ns is null
                ? await client.CustomObjects.ListClusterCustomObjectAsync<JsonElement>(group, version, plural, labelSelector: selector, cancellationToken: ct).ConfigureAwait(false)
                : await client.CustomObjects.ListNamespacedCustomObjectAsync<JsonElement>(group, version, ns, plural, labelSelector: selector, cancellationToken: ct).ConfigureAwait(false)),
            async (client, _, selector, ct) => Items(
                await client.CustomObjects.ListClusterCustomObjectAsync<JsonElement>(group, version, plural, labelSelector: selector, cancellationToken: ct).ConfigureAwait(false)));

        IReadOnlyList<object> Items(JsonElement list) =>
            list.ValueKind == JsonValueKind.Object && list.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array
                ? [.. items.EnumerateArray().Select(item => (object)new RawObject(apiVersion, kind, item.Clone()))]
                : [];
    }
}

/// <summary>A custom resource as the server sent it, read into its kind's type by the snapshot (KindRegistry).</summary>
internal sealed record RawObject(string ApiVersion, string Kind, JsonElement Json);
