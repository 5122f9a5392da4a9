using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace MeshOps.Simulation.Kubernetes.Api;

/// <summary>
/// Just enough of /openapi/v3 for kubectl 1.32: before an apply it looks for the PATCH operation of the object's kind
/// (by x-kubernetes-group-version-kind) and its <c>fieldValidation</c> query parameter; finding it, kubectl leaves
/// validation to the server instead of downloading schemas. Without /openapi/v3 (or v2) kubectl refuses to apply at
/// all ("failed to download openapi"). Schemas themselves are not served; kubectl explain is out of scope.
/// </summary>
public static class OpenApiV3
{
    public static JsonObject Root(ServedApis apis)
    {
        ArgumentNullException.ThrowIfNull(apis);
        var paths = new JsonObject();
        foreach (var groupVersion in apis.All.Select(r => r.GroupVersion).Distinct())
        {
            var key = Key(groupVersion);
            paths[key] = new JsonObject { ["serverRelativeURL"] = $"/openapi/v3/{key}?hash={Hash(groupVersion)}" };
        }

        return new JsonObject { ["paths"] = paths };
    }

    /// <summary>The document for one group version ("api/v1", "apis/apps/v1"), or null when it is not served.</summary>
    public static JsonObject? GroupVersion(ServedApis apis, string key)
    {
        ArgumentNullException.ThrowIfNull(apis);
        var resources = apis.All.Where(r => Key(r.GroupVersion) == key).ToList();
        if (resources.Count == 0)
            return null;
        var paths = new JsonObject();
        foreach (var resource in resources)
        {
            var prefix = resource.Group.Length == 0 ? "/api/v1" : $"/apis/{resource.GroupVersion}";
            var path = resource.Namespaced ? $"{prefix}/namespaces/{{namespace}}/{resource.Plural}/{{name}}" : $"{prefix}/{resource.Plural}/{{name}}";
            paths[path] = new JsonObject
            {
                ["patch"] = new JsonObject
                {
                    ["operationId"] = $"patch{resource.Kind}",
                    ["x-kubernetes-action"] = "patch",
                    ["x-kubernetes-group-version-kind"] = new JsonObject { ["group"] = resource.Group, ["version"] = resource.Version, ["kind"] = resource.Kind },
                    ["parameters"] = new JsonArray(
                        QueryParameter("dryRun"),
                        QueryParameter("fieldManager"),
                        QueryParameter("fieldValidation"),
                        QueryParameter("force")),
                    ["responses"] = new JsonObject(),
                },
            };
        }

        return new JsonObject
        {
            ["openapi"] = "3.0.0",
            ["info"] = new JsonObject { ["title"] = "Kubernetes", ["version"] = "v1.32.0" },
            ["paths"] = paths,
            ["components"] = new JsonObject { ["schemas"] = new JsonObject() },
        };
    }

    private static string Key(string groupVersion) => groupVersion.Contains('/', StringComparison.Ordinal) ? $"apis/{groupVersion}" : $"api/{groupVersion}";

    private static JsonObject QueryParameter(string name) => new()
    {
        ["name"] = name,
        ["in"] = "query",
        ["schema"] = new JsonObject { ["type"] = "string", ["uniqueItems"] = true },
    };

    private static string Hash(string groupVersion) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(groupVersion)));
}
