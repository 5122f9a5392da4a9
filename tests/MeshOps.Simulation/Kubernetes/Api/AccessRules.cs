using System.Text.Json.Nodes;

namespace MeshOps.Simulation.Kubernetes.Api;

/// <summary>
/// What RBAC refuses the server's one user: a verb on a resource, in one namespace or everywhere. A refused request is
/// answered 403 with the Status kube-apiserver's RBAC authorizer writes.
/// </summary>
public sealed class AccessRules
{
    /// <summary>The user the accepted token authenticates as, named in Forbidden messages.</summary>
    public const string User = "system:serviceaccount:default:meshops-simulated";

    private readonly Lock _gate = new();
    private readonly List<(string Verb, string Group, string Resource, string? Namespace)> _forbidden = [];

    /// <summary>Refuses <paramref name="verb"/> (get, list, create, patch, delete) on a resource, in <paramref name="namespace"/> or, when null, everywhere.</summary>
    public void Forbid(string verb, string group, string resource, string? @namespace = null)
    {
        lock (_gate)
        {
            _forbidden.Add((verb, group, resource, @namespace));
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _forbidden.Clear();
        }
    }

    internal void Check(string verb, ApiResource resource, string? ns)
    {
        bool refused;
        lock (_gate)
        {
            refused = _forbidden.Any(f => f.Verb == verb && f.Group == resource.Group && f.Resource == resource.Plural && (f.Namespace is null || f.Namespace == ns));
        }

        if (!refused)
            return;
        var scope = ns is null ? "at the cluster scope" : $"in the namespace \"{ns}\"";
        var details = new JsonObject();
        if (resource.Group.Length > 0)
            details["group"] = resource.Group;
        details["kind"] = resource.Plural;
        throw new StatusException(403, "Forbidden",
            $"{resource.QualifiedName} is forbidden: User \"{User}\" cannot {verb} resource \"{resource.Plural}\" in API group \"{resource.Group}\" {scope}",
            details);
    }
}
