namespace MeshOps.Simulation.Kubernetes.Api;

/// <summary>One resource the simulated server serves, as its discovery document describes it.</summary>
public sealed record ApiResource(
    string Group,
    string Version,
    string Kind,
    string Plural,
    string Singular,
    bool Namespaced,
    IReadOnlyList<string> ShortNames)
{
    /// <summary>"v1" for the core group, "apps/v1" otherwise: the apiVersion of its objects.</summary>
    public string GroupVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>How the real server names it in messages: "pods", "deployments.apps".</summary>
    public string QualifiedName => Group.Length == 0 ? Plural : $"{Plural}.{Group}";

    /// <summary>Custom resources keep kind and apiVersion on each list item; built-in lists drop them, as kube-apiserver does.</summary>
    public bool IsCustom => Group.EndsWith(".hashicorp.com", StringComparison.Ordinal);
}
