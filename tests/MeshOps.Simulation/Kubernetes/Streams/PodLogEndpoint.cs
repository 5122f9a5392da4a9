using System.Globalization;
using System.Text;
using MeshOps.Simulation.Kubernetes.Api;
using MeshOps.Simulation.Pods;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MeshOps.Simulation.Kubernetes.Streams;

/// <summary>
/// <c>GET /api/v1/namespaces/{ns}/pods/{name}/log</c>: a container's log as text/plain, with kube-apiserver's checks
/// (pod not found 404; no container named in a pod of several, or a container the pod does not have, 400 with the
/// registry's messages, pkg/registry/core/pod/strategy.go) and <c>tailLines</c>; RBAC authorises it as <c>get</c> on
/// the subresource <c>pods/log</c>. A literal route, so it wins over the resources' catch-all.
/// </summary>
public static class PodLogEndpoint
{
    private static readonly ApiResource Subresource = new(string.Empty, "v1", "Pod", "pods/log", string.Empty, Namespaced: true, []);

    public static void Map(IEndpointRouteBuilder routes, ObjectStore store, AccessRules access, PodLogs logs)
    {
        ArgumentNullException.ThrowIfNull(routes);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(access);
        ArgumentNullException.ThrowIfNull(logs);
        routes.MapGet("/api/v1/namespaces/{ns}/pods/{name}/log", async (HttpContext context, string ns, string name) =>
        {
            try
            {
                access.Check("get", Subresource, ns);
                var pod = PodLookup.Pod(store, ns, name);
                var container = PodLookup.Container(pod, name, context.Request.Query["container"].ToString());
                var lines = logs.Read(ns, name, container);
                if (int.TryParse(context.Request.Query["tailLines"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var tail))
                    lines = lines.Skip(Math.Max(0, lines.Count - tail)).ToList();
                context.Response.StatusCode = 200;
                context.Response.ContentType = "text/plain";
                var body = new StringBuilder();
                foreach (var line in lines)
                    body.Append(line).Append('\n');
                await context.Response.WriteAsync(body.ToString(), context.RequestAborted);
            }
            catch (StatusException failure)
            {
                await ApiResponses.WriteAsync(context, failure);
            }
        });
    }
}
