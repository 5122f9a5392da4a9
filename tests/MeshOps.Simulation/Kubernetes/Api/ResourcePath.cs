namespace MeshOps.Simulation.Kubernetes.Api;

/// <summary>
/// A request path under /api/v1 or /apis/{group}/{version}, resolved to the resource, namespace, name and subresource
/// it addresses. Null when the path names no served resource (the server answers 404 as for an unknown type).
/// </summary>
public sealed record ResourcePath(ApiResource Resource, string? Namespace, string? Name, string? Subresource)
{
    public static ResourcePath? Parse(ServedApis apis, string path)
    {
        ArgumentNullException.ThrowIfNull(apis);
        var segments = path.Trim('/').Split('/');
        string group, version;
        string[] rest;
        if (segments.Length >= 2 && segments[0] == "api")
            (group, version, rest) = (string.Empty, segments[1], segments[2..]);
        else if (segments.Length >= 3 && segments[0] == "apis")
            (group, version, rest) = (segments[1], segments[2], segments[3..]);
        else
            return null;

        string? ns = null;
        if (rest.Length >= 3 && rest[0] == "namespaces")
            (ns, rest) = (rest[1], rest[2..]);
        if (rest.Length is 0 or > 3)
            return null;
        var resource = apis.Find(group, version, rest[0]);
        if (resource is null || (ns is not null && !resource.Namespaced))
            return null;
        var name = rest.Length > 1 ? rest[1] : null;
        if (name is not null && ns is null && resource.Namespaced)
            return null;
        return new ResourcePath(resource, ns, name, rest.Length > 2 ? rest[2] : null);
    }
}
