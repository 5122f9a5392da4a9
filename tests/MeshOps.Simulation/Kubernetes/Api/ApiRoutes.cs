using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MeshOps.Simulation.Kubernetes.Api;

/// <summary>
/// Maps discovery and the resource verbs. The resources take a catch-all route, so the pod stream routes (literal
/// segments, higher precedence) win for exec and portforward.
/// </summary>
internal static class ApiRoutes
{
    public static void Map(IEndpointRouteBuilder routes, ObjectStore store, ServedApis apis, AccessRules access, Func<Uri> baseAddress)
    {
        var resources = new ResourceEndpoints(store, access);
        routes.MapGet("/version", Answering(_ => Ok(Discovery.Version())));
        routes.MapGet("/api", Answering(_ => Ok(Discovery.CoreVersions(baseAddress()))));
        routes.MapGet("/api/v1", Answering(_ => Ok(Discovery.Resources(apis, string.Empty, "v1"))));
        routes.MapGet("/apis", Answering(_ => Ok(Discovery.Groups(apis))));
        routes.MapGet("/apis/{group}", Answering(context =>
        {
            var group = (string)context.Request.RouteValues["group"]!;
            return Ok(apis.GroupVersions.Any(gv => gv.Group == group) ? Discovery.Group(apis, group) : throw StatusException.PageNotFound());
        }));
        routes.MapGet("/apis/{group}/{version}", Answering(context =>
        {
            var group = (string)context.Request.RouteValues["group"]!;
            var version = (string)context.Request.RouteValues["version"]!;
            return Ok(apis.Serves(group, version) ? Discovery.Resources(apis, group, version) : throw StatusException.PageNotFound());
        }));
        routes.MapGet("/openapi/v3", Answering(_ => Ok(OpenApiV3.Root(apis))));
        routes.MapGet("/openapi/v3/{**key}", Answering(context =>
            Ok(OpenApiV3.GroupVersion(apis, (string)context.Request.RouteValues["key"]!) ?? throw StatusException.PageNotFound())));
        routes.Map("/{**path}", Answering(context =>
        {
            var path = ResourcePath.Parse(apis, context.Request.Path.Value ?? "/") ?? throw StatusException.PageNotFound();
            return resources.HandleAsync(context.Request, path);
        }));
    }

    private static Task<(int Status, JsonObject Body)> Ok(JsonObject body) => Task.FromResult((200, body));

    private static RequestDelegate Answering(Func<HttpContext, Task<(int Status, JsonObject Body)>> handler) => async context =>
    {
        try
        {
            var (status, body) = await handler(context);
            await ApiResponses.WriteAsync(context, status, body);
        }
        catch (StatusException failure)
        {
            await ApiResponses.WriteAsync(context, failure);
        }
    };
}
