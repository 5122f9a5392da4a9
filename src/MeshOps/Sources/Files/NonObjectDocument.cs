using MeshOps.Sources.Files.Yaml;

namespace MeshOps.Sources.Files;

/// <summary>
/// Recognises YAML that sits among manifests but is no object kubectl would apply: tool configurations that borrow
/// apiVersion and kind (kind, skaffold, kustomize, kubeconfig), Helm's Chart.yaml, CI and Compose files, and other
/// charts' values. Each is left out with the reason, rather than failing the load as an object without a name.
/// </summary>
internal static class NonObjectDocument
{
    /// <summary>
    /// Groups that hold only configuration files read by a tool, never served by an API server. They contain a dot, so
    /// they could pass for CRD groups; <c>cluster.x-k8s.io</c> (Cluster API) is a real one and is not listed.
    /// </summary>
    private static readonly Dictionary<string, string> ConfigGroups = new(StringComparer.Ordinal)
    {
        ["kind.x-k8s.io"] = "a kind cluster configuration (read by 'kind create cluster')",
        ["kustomize.config.k8s.io"] = "a kustomization (read by 'kubectl apply -k', which builds the objects it lists)",
        ["kubeadm.k8s.io"] = "a kubeadm configuration",
        ["kubelet.config.k8s.io"] = "a kubelet configuration",
        ["kubeproxy.config.k8s.io"] = "a kube-proxy configuration",
        ["kubescheduler.config.k8s.io"] = "a kube-scheduler configuration",
        ["apiserver.config.k8s.io"] = "an API server configuration",
        ["audit.k8s.io"] = "an API server audit policy",
        ["client.authentication.k8s.io"] = "a client credential plugin configuration",
        ["k3d.io"] = "a k3d cluster configuration",
        ["ctlptl.dev"] = "a ctlptl cluster configuration",
    };

    /// <summary>
    /// The API groups without a dot: only Kubernetes' own. A CRD's group must contain one, so any other dotless group
    /// (<c>skaffold/v4beta6</c>) names a tool's file format.
    /// </summary>
    private static readonly HashSet<string> BuiltInDotlessGroups = new(["", "apps", "batch", "autoscaling", "policy", "extensions"], StringComparer.Ordinal);

    /// <summary>Why a document with an apiVersion or a kind is not an object, or null when it may be one.</summary>
    public static string? WhyNotAnObject(ParsedMapping root, string? apiVersion, string? kind)
    {
        if (apiVersion is null)
            return null;
        var group = KindScope.GroupOf(apiVersion);
        if (ConfigGroups.TryGetValue(group, out var what))
            return $"{what}, not a Kubernetes object (apiVersion {apiVersion})";
        if (group.StartsWith("skaffold", StringComparison.Ordinal))
            return $"a Skaffold configuration, not a Kubernetes object (apiVersion {apiVersion})";
        if (apiVersion == "v1" && kind == "Config")
            return "a kubeconfig file (apiVersion v1, kind Config), not a Kubernetes object";
        if (kind is null && apiVersion is "v1" or "v2" && root.Get("name") is ParsedScalar && root.Get("version") is ParsedScalar)
            return $"a Helm chart's Chart.yaml (apiVersion {apiVersion}, name and version, no kind), not a Kubernetes object";
        if (!apiVersion.Contains('/', StringComparison.Ordinal) && apiVersion != "v1")
            return $"apiVersion {apiVersion} is no Kubernetes API version (the core group's is v1; others are group/version)";
        if (!group.Contains('.', StringComparison.Ordinal) && !BuiltInDotlessGroups.Contains(group))
            return $"apiVersion {apiVersion} names no Kubernetes API group (a CRD's group contains a dot), so no cluster serves it";
        return null;
    }

    /// <summary>Why a document with neither apiVersion nor kind, and not consul-k8s values, was left out.</summary>
    public static string Describe(ParsedMapping root)
    {
        if (root.Get("jobs") is ParsedMapping && root.GetEntry("on") is not null)
            return "a GitHub Actions workflow (on, jobs), not a Kubernetes object";
        if (root.Get("services") is ParsedMapping && (root.Get("version") is ParsedScalar || root.Get("volumes") is not null || root.Get("networks") is not null || IsComposeServices(root)))
            return "a Docker Compose file (services), not a Kubernetes object";
        if (root.Get("dependencies") is ParsedSequence && root.Entries.Length <= 3)
            return "a Helm dependency list (requirements.yaml or Chart.lock), not a Kubernetes object";
        var keys = string.Join(", ", root.Entries.Take(5).Select(e => e.Key)) + (root.Entries.Length > 5 ? ", ..." : "");
        return $"no apiVersion or kind, so not a Kubernetes object, and its top-level keys ({keys}) are not the consul-k8s chart's: " +
            "taken for another chart's Helm values or another tool's configuration";
    }

    /// <summary>Compose services each name an image or a build; a Helm values' <c>services</c> section rarely does.</summary>
    private static bool IsComposeServices(ParsedMapping root) =>
        root.Get("services") is ParsedMapping { Entries.Length: > 0 } services
        && services.Entries.All(s => s.Value is ParsedMapping service && (service.Get("image") is ParsedScalar || service.GetEntry("build") is not null));
}
