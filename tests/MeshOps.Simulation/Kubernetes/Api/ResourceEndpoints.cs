using System.Text.Json;
using System.Text.Json.Nodes;
using MeshOps.Simulation.Kubernetes.Apply;
using Microsoft.AspNetCore.Http;

namespace MeshOps.Simulation.Kubernetes.Api;

/// <summary>The verbs on /api/v1/... and /apis/{group}/{version}/...: list, get, create, server-side apply, delete.</summary>
internal sealed class ResourceEndpoints(ObjectStore store, AccessRules access)
{
    public async Task<(int Status, JsonObject Body)> HandleAsync(HttpRequest request, ResourcePath path)
    {
        var query = request.Query;
        access.Check(Verb(request.Method, path.Name), path.Resource, path.Namespace);
        // Refused plainly rather than answered with a list a watching client would misread as events.
        if (query["watch"] is { Count: > 0 } watch && watch[0] is "true" or "1")
            throw StatusException.BadRequest("watch is not served by the simulated API server; list instead");
        return (request.Method, path.Name, path.Subresource) switch
        {
            ("GET", null, _) => (200, AsTableIfAsked(request, path.Resource, ObjectLists.List(store, path.Resource, path.Namespace, query["labelSelector"], query["fieldSelector"], query["limit"], query["continue"]))),
            ("GET", { } name, null) => (200, AsTableIfAsked(request, path.Resource, Get(path.Resource, path.Namespace, name))),
            ("POST", null, _) => (201, Create(path, await ReadJsonAsync(request), FieldManager(request), IsDryRun(request))),
            ("PATCH", { } name, null) => await ApplyAsync(request, path, name),
            ("DELETE", { } name, null) => (200, Delete(path.Resource, path.Namespace, name)),
            _ => throw new StatusException(405, "MethodNotAllowed", $"the server does not allow this method on the requested resource"),
        };
    }

    private static string Verb(string method, string? name) => (method, name) switch
    {
        ("GET", null) => "list",
        ("GET", _) => "get",
        ("POST", _) => "create",
        ("PATCH", _) => "patch",
        ("PUT", _) => "update",
        ("DELETE", _) => "delete",
        _ => method.ToLowerInvariant(),
    };

    private static JsonObject AsTableIfAsked(HttpRequest request, ApiResource resource, JsonObject answer)
    {
        if (!TableView.Wanted(request.Headers.Accept.ToString()))
            return answer;
        var objects = answer["items"] is JsonArray items ? items.OfType<JsonObject>() : [answer];
        var metadata = answer["items"] is null ? new JsonObject { ["resourceVersion"] = answer["metadata"]?["resourceVersion"]?.DeepClone() } : (JsonObject)answer["metadata"]!;
        return TableView.Of(resource, objects, metadata, DateTimeOffset.UtcNow);
    }

    private JsonObject Get(ApiResource resource, string? ns, string name) =>
        store.Get(resource.Group, resource.Kind, ns, name) ?? throw StatusException.NotFound(resource, name);

    private JsonObject Create(ResourcePath path, JsonObject obj, string manager, bool dryRun)
    {
        var resource = path.Resource;
        var metadata = obj["metadata"] as JsonObject ?? throw StatusException.BadRequest("Object 'metadata' is missing");
        var name = (string?)metadata["name"];
        if (string.IsNullOrEmpty(name))
            throw new StatusException(422, "Invalid", $"{resource.Kind} \"\" is invalid: metadata.name: Required value: name or generateName is required");
        obj["apiVersion"] = resource.GroupVersion;
        obj["kind"] = resource.Kind;
        if (path.Namespace is not null)
            metadata["namespace"] = path.Namespace;
        RequireNamespace(store, path);
        if (store.Get(resource.Group, resource.Kind, path.Namespace, name) is not null)
            throw StatusException.AlreadyExists(resource, name);
        metadata["managedFields"] = ManagedFieldsEntry.Write([new ManagedFieldsEntry(manager, "Update", resource.GroupVersion, ManagedFieldsEntry.Now(), FieldSet.Of(obj))]);
        return dryRun ? obj : store.Put(obj);
    }

    /// <summary>Server-side apply: PATCH with application/apply-patch+yaml; no other patch type is served.</summary>
    private async Task<(int, JsonObject)> ApplyAsync(HttpRequest request, ResourcePath path, string name)
    {
        var resource = path.Resource;
        if (!(request.ContentType ?? string.Empty).StartsWith("application/apply-patch+yaml", StringComparison.OrdinalIgnoreCase))
            throw new StatusException(415, "UnsupportedMediaType", $"the body of the request was in an unknown format - accepted media types include: application/apply-patch+yaml");
        var manager = request.Query["fieldManager"].ToString();
        if (manager.Length == 0)
            throw StatusException.BadRequest("fieldManager is required for apply requests");
        using var reader = new StreamReader(request.Body);
        var applied = YamlJson.ParseObject(await reader.ReadToEndAsync(request.HttpContext.RequestAborted));

        var apiVersion = (string?)applied["apiVersion"];
        if (apiVersion != resource.GroupVersion || (string?)applied["kind"] != resource.Kind)
            throw StatusException.BadRequest($"the API version in the data ({apiVersion}) does not match the expected API version ({resource.GroupVersion})");
        var metadata = applied["metadata"] as JsonObject ?? throw StatusException.BadRequest("Object 'metadata' is missing");
        if ((string?)metadata["name"] != name)
            throw StatusException.BadRequest($"the name of the object ({(string?)metadata["name"]}) does not match the name on the URL ({name})");
        if (metadata["namespace"] is { } ns && (string?)ns != path.Namespace)
            throw StatusException.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
        if (path.Namespace is not null)
            metadata["namespace"] = path.Namespace;

        var live = store.Get(resource.Group, resource.Kind, path.Namespace, name);
        if (live is null)
            RequireNamespace(store, path);
        var result = ServerSideApply.Apply(live, applied, resource, manager, request.Query["force"] == "true");
        var status = live is null ? 201 : 200;
        return (status, IsDryRun(request) ? result : store.Put(result));
    }

    /// <summary>The manager a create records: fieldManager, else the client's name from its User-Agent, as kube-apiserver does.</summary>
    private static string FieldManager(HttpRequest request)
    {
        var manager = request.Query["fieldManager"].ToString();
        if (manager.Length > 0)
            return manager;
        var agent = request.Headers.UserAgent.ToString();
        var slash = agent.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 ? agent[..slash] : agent;
    }

    private JsonObject Delete(ApiResource resource, string? ns, string name)
    {
        var existing = Get(resource, ns, name);
        store.Delete(resource.Group, resource.Kind, ns, name);
        return existing;
    }

    public static void RequireNamespace(ObjectStore store, ResourcePath path)
    {
        if (path.Namespace is not null && store.Get(string.Empty, "Namespace", null, path.Namespace) is null)
            throw StatusException.NotFound(ApiResourceCatalog.FindKind(string.Empty, "Namespace")!, path.Namespace);
    }

    public static bool IsDryRun(HttpRequest request) => request.Query["dryRun"].Contains("All");

    private static async Task<JsonObject> ReadJsonAsync(HttpRequest request)
    {
        try
        {
            return await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted) as JsonObject
                ?? throw StatusException.BadRequest("the body of the request was not an object");
        }
        catch (JsonException e)
        {
            throw StatusException.BadRequest($"the body of the request was in an unknown format: {e.Message}");
        }
    }
}
