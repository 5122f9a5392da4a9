using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace MeshOps.Simulation.Kubernetes.Api;

/// <summary>Writes API objects and Status failures as JSON, as kube-apiserver does for a JSON client.</summary>
internal static class ApiResponses
{
    public static Task WriteAsync(HttpContext context, int status, JsonNode body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }

    public static Task WriteAsync(HttpContext context, StatusException failure) => WriteAsync(context, failure.Code, failure.ToStatus());
}
