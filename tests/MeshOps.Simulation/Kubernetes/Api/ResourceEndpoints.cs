using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace MeshOps.Simulation.Kubernetes.Api;

/// <summary>The verbs on /api/v1/... and /apis/{group}/{version}/...: list, get, create, server-side apply, delete.</summary>
internal sealed class ResourceEndpoints(ObjectStore store)
{
    public async Task<(int Status, JsonObject Body)> HandleAsync(HttpRequest request, ResourcePath path)
    {
        var query = request.Query;
        return (request.Method, path.Name, path.Subresource) switch
        {
            ("GET", null, _) => (200, ObjectLists.List(store, path.Resource, path.Namespace, query["labelSelector"], query["fieldSelector"], query["limit"], query["continue"])),
            ("GET", { } name, null) => (200, Get(path.Resource, path.Namespace, name)),
            ("POST", null, _) => (201, Create(path, await ReadJsonAsync(request), IsDryRun(request))),
            ("DELETE", { } name, null) => (200, Delete(path.Resource, path.Namespace, name)),
            _ => throw new StatusException(405, "MethodNotAllowed", $"the server does not allow this method on the requested resource"),
        };
    }

    private JsonObject Get(ApiResource resource, string? ns, string name) =>
        store.Get(resource.Group, resource.Kind, ns, name) ?? throw StatusException.NotFound(resource, name);

    private JsonObject Create(ResourcePath path, JsonObject obj, bool dryRun)
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
        return dryRun ? obj : store.Put(obj);
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
