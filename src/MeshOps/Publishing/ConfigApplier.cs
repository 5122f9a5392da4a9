using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using k8s.Models;
using MeshOps.Clients.Kubernetes;
using MeshOps.Sources;

namespace MeshOps.Publishing;

/// <summary>
/// The requests Publish-MeshConfig makes for one object: read it, and server-side apply it (field manager
/// <see cref="FieldManager"/>, dryRun=All for a validation that persists nothing, force only when asked), as
/// <c>kubectl apply --server-side</c> does. It never deletes. A core object (group "", a Service or ServiceAccount)
/// goes through CoreV1's typed calls, a consul.hashicorp.com resource through the custom-object calls; both answer JSON.
/// </summary>
public sealed class ConfigApplier(KubernetesConnection cluster)
{
    /// <summary>The field manager MeshOps applies as; another tool's fields are its own and conflict.</summary>
    public const string FieldManager = "meshops";

    private readonly KubernetesConnection _cluster = cluster ?? throw new ArgumentNullException(nameof(cluster));

    /// <summary>The object as the cluster holds it, or null when it does not exist.</summary>
    /// <exception cref="KubernetesRequestException">The read failed (RBAC, the server, the network).</exception>
    public async Task<JsonObject?> GetAsync(DesiredObject desired, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(desired);
        try
        {
            if (desired.IsCore)
            {
                var core = _cluster.Client.CoreV1;
                return ToJson(desired.Kind == "Service"
                    ? await core.ReadNamespacedServiceAsync(desired.Name, desired.Namespace, cancellationToken: cancellationToken).ConfigureAwait(false)
                    : await core.ReadNamespacedServiceAccountAsync(desired.Name, desired.Namespace, cancellationToken: cancellationToken).ConfigureAwait(false));
            }

            var found = await _cluster.Client.CustomObjects.GetNamespacedCustomObjectAsync<JsonElement>(
                desired.Group, desired.Version, desired.Namespace, desired.Plural, desired.Name, cancellationToken).ConfigureAwait(false);
            return JsonNode.Parse(found.GetRawText())?.AsObject();
        }
        catch (Exception e) when (KubernetesErrors.IsNotFound(e) && e is HttpOperationException)
        {
            return null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw KubernetesErrors.Map(e, _cluster, $"get {desired.Plural} {desired.Name} in namespace {desired.Namespace}");
        }
    }

    /// <summary>
    /// Applies the object; with <paramref name="dryRun"/> the server validates and answers what it would store, and
    /// stores nothing. A conflict with another field manager is returned, not thrown: nothing was written.
    /// </summary>
    /// <exception cref="KubernetesRequestException">The server refused the object for another reason, or could not be reached.</exception>
    public async Task<ApplyAnswer> ApplyAsync(DesiredObject desired, bool dryRun, bool force, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(desired);
        var patch = new V1Patch(desired.Body.ToJsonString(), V1Patch.PatchType.ApplyPatch);
        try
        {
            var dryRunValue = dryRun ? "All" : null;
            bool? forceValue = force ? true : null;
            if (desired.IsCore)
            {
                var core = _cluster.Client.CoreV1;
                return new ApplyAnswer(ToJson(desired.Kind == "Service"
                    ? await core.PatchNamespacedServiceAsync(patch, desired.Name, desired.Namespace, dryRun: dryRunValue, fieldManager: FieldManager,
                        force: forceValue, cancellationToken: cancellationToken).ConfigureAwait(false)
                    : await core.PatchNamespacedServiceAccountAsync(patch, desired.Name, desired.Namespace, dryRun: dryRunValue, fieldManager: FieldManager,
                        force: forceValue, cancellationToken: cancellationToken).ConfigureAwait(false)), null);
            }

            var stored = await _cluster.Client.CustomObjects.PatchNamespacedCustomObjectAsync<JsonElement>(
                patch, desired.Group, desired.Version, desired.Namespace, desired.Plural, desired.Name,
                dryRun: dryRunValue, fieldManager: FieldManager, force: forceValue,
                cancellationToken: cancellationToken).ConfigureAwait(false);
            return new ApplyAnswer(JsonNode.Parse(stored.GetRawText())?.AsObject(), null);
        }
        catch (HttpOperationException e) when (e.Response?.StatusCode == HttpStatusCode.Conflict && ApplyConflict.Read(e.Response.Content) is { } conflict)
        {
            return new ApplyAnswer(null, conflict);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw KubernetesErrors.Map(e, _cluster, $"{(dryRun ? "dry-run apply" : "apply")} {desired.Plural} {desired.Name} in namespace {desired.Namespace}");
        }
    }

    // The typed answer written back as the JSON the server sent, so both branches are compared (Unchanged) the same way.
    private static JsonObject? ToJson(object answer) => JsonNode.Parse(KindRegistry.Serialize(answer))?.AsObject();
}

/// <summary>What the server answered to an apply: the object it stored (or would store), or the conflict that stopped it.</summary>
public sealed record ApplyAnswer(JsonObject? Stored, ApplyConflict? Conflict);
