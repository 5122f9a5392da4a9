using System.Text.Json.Nodes;

namespace MeshOps.Simulation.Kubernetes.Api;

/// <summary>
/// A failure the server answers with a metav1 <c>Status</c> object, shaped as kube-apiserver shapes it (kubectl and
/// KubernetesClient read <c>reason</c>, <c>message</c> and <c>details</c> from it).
/// </summary>
public sealed class StatusException(int code, string reason, string message, JsonObject? details = null) : Exception(message)
{
    public int Code { get; } = code;

    public string Reason { get; } = reason;

    public JsonObject ToStatus()
    {
        var status = new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = Message,
            ["reason"] = Reason,
        };
        if (details is not null)
            status["details"] = details.DeepClone();
        status["code"] = Code;
        return status;
    }

    public static StatusException NotFound(ApiResource resource, string name) =>
        new(404, "NotFound", $"{resource.QualifiedName} \"{name}\" not found", Details(resource, name));

    public static StatusException AlreadyExists(ApiResource resource, string name) =>
        new(409, "AlreadyExists", $"{resource.QualifiedName} \"{name}\" already exists", Details(resource, name));

    public static StatusException BadRequest(string message) => new(400, "BadRequest", message);

    /// <summary>The answer for a path the server does not serve at all (no such resource type).</summary>
    public static StatusException PageNotFound() =>
        new(404, "NotFound", "the server could not find the requested resource", new JsonObject());

    public static StatusException Unauthorized() => new(401, "Unauthorized", "Unauthorized");

    private static JsonObject Details(ApiResource resource, string name)
    {
        var details = new JsonObject { ["name"] = name };
        if (resource.Group.Length > 0)
            details["group"] = resource.Group;
        details["kind"] = resource.Plural;
        return details;
    }
}
