using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace MeshOps.Simulation.Consul;

/// <summary>The Consul endpoints MeshOps reads, with Consul's own texts for a missing parameter or object.</summary>
internal static class ConsulRoutes
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static void Map(WebApplication app, ConsulState state)
    {
        // CE's parseEntMeta (agent/http_ce.go) refuses a namespace before any handler reads the request.
        app.Use((context, next) => !state.NamespacesEnabled && !string.IsNullOrEmpty(context.Request.Query["ns"])
            ? Results.Text("Invalid query parameter: \"ns\" - Namespaces are a Consul Enterprise feature", statusCode: 400).ExecuteAsync(context)
            : next(context));
        app.MapGet("/v1/status/leader", () => Json(ConsulResponses.Leader(state)));
        app.MapGet("/v1/agent/self", () => Json(ConsulResponses.AgentSelf(state)));
        app.MapGet("/v1/catalog/services", () => Json(ConsulResponses.CatalogServices(state)));
        app.MapGet("/v1/catalog/service/{service}", (string service) => Json(ConsulResponses.CatalogService(state, service)));
        app.MapGet("/v1/health/service/{service}", (string service, HttpRequest request) =>
            Json(ConsulResponses.Health(state, service, connect: false, Passing(request), Namespace(request))));
        app.MapGet("/v1/health/connect/{service}", (string service, HttpRequest request) =>
            Json(ConsulResponses.Health(state, service, connect: true, Passing(request), Namespace(request))));
        app.MapGet("/v1/connect/intentions/check", (HttpRequest request) =>
            Required(request, "source", "destination") is { } missing
                ? missing
                : Json(ConsulResponses.IntentionCheck(state, request.Query["source"]!, request.Query["destination"]!)));
        app.MapGet("/v1/connect/intentions/match", (HttpRequest request) =>
        {
            var by = request.Query["by"].ToString();
            if (by is not ("source" or "destination"))
            {
                return Results.Text("'by' parameter must be one of 'source' or 'destination'", statusCode: 400);
            }

            return request.Query["name"].Count == 0
                ? Results.Text("required query parameter 'name' not set", statusCode: 400)
                : Json(ConsulResponses.IntentionMatch(state, by == "source", request.Query["name"].OfType<string>()));
        });
        app.MapGet("/v1/connect/intentions/exact", (HttpRequest request) =>
        {
            if (Required(request, "source", "destination") is { } missing)
            {
                return missing;
            }

            var found = ConsulResponses.IntentionExact(state, request.Query["source"]!, request.Query["destination"]!);
            return found is null ? Results.Text("Intention not found", statusCode: 404) : Json(found);
        });
        app.MapGet("/v1/config/{kind}", (string kind, HttpRequest request) =>
            Json(new JsonArray([.. state.ConfigEntries(kind).Where(e => InNamespace(e, request))])));
        app.MapGet("/v1/config/{kind}/{name}", (string kind, string name, HttpRequest request) =>
            state.ConfigEntry(kind, name) is { } entry && InNamespace(entry, request)
                ? Json(entry)
                : Results.Text($"Config entry not found for \"{kind}\" / \"{name}\"", statusCode: 404));
        app.MapGet("/v1/connect/ca/roots", () => Json(ConsulResponses.CaRoots(state)));
    }

    /// <summary>The namespace asked for; Consul Enterprise reads an absent one as "default" (for a token without a namespace of its own).</summary>
    private static string Namespace(HttpRequest request) =>
        string.IsNullOrEmpty(request.Query["ns"]) ? "default" : request.Query["ns"].ToString();

    /// <summary>A config entry is read in its own namespace (entries without one are in "default", as on CE).</summary>
    private static bool InNamespace(JsonObject entry, HttpRequest request) =>
        ((string?)entry["Namespace"] ?? "default") == Namespace(request);

    private static bool Passing(HttpRequest request) =>
        request.Query.TryGetValue("passing", out var value) && value.ToString() is "" or "true" or "1";

    private static IResult? Required(HttpRequest request, params string[] names) =>
        names.FirstOrDefault(n => string.IsNullOrEmpty(request.Query[n])) is { } missing
            ? Results.Text($"required query parameter '{missing}' not set", statusCode: 400)
            : null;

    private static IResult Json(JsonNode? node) =>
        Results.Text(node?.ToJsonString(Indented) ?? "null", "application/json", statusCode: 200);
}
