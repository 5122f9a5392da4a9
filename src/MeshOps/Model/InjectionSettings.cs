using MeshOps.Sources;

namespace MeshOps.Model;

/// <summary>
/// Decides, as the consul-k8s webhook does, whether a pod gets a sidecar and whether it runs transparent proxy.
/// Injection (mesh_webhook.go shouldInject): never in kube-system or kube-public nor in a namespace the Helm allow/deny
/// lists exclude, else the pod annotation, else the Helm default; no namespace label takes part. Transparent proxy (common.TransparentProxyEnabled): the pod annotation, then
/// the namespace label, then the Helm default. Annotation locations are looked up only when an annotation decides,
/// since most pods of a large mesh never need one quoted.
/// </summary>
internal sealed class InjectionSettings(MeshSettings settings, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> namespaceLabels)
{
    public Setting<bool> InMesh(string ns, IReadOnlyDictionary<string, string> podAnnotations, Func<SourceLocation> annotationLocation)
    {
        if (!settings.ConnectInjectEnabled.Value)
        {
            return new Setting<bool>(false, $"injection is disabled: {settings.ConnectInjectEnabled.Origin}");
        }

        if (ns is "kube-system" or "kube-public")
        {
            return new Setting<bool>(false, $"consul-k8s never injects pods in namespace {ns}");
        }

        if (settings.InjectionNamespaces.Refuses(ns) is { } refused)
        {
            return new Setting<bool>(false, $"the injector refuses it: {refused}");
        }

        return FromPod(ConsulAnnotations.ConnectInject, podAnnotations, annotationLocation) ?? settings.ConnectInjectDefault;
    }

    public Setting<bool> TransparentProxy(string ns, IReadOnlyDictionary<string, string> podAnnotations, Func<SourceLocation> annotationLocation) =>
        FromPod(ConsulAnnotations.TransparentProxy, podAnnotations, annotationLocation)
        ?? FromNamespace(ConsulAnnotations.TransparentProxy, ns)
        ?? settings.TransparentProxyDefault;

    private static Setting<bool>? FromPod(string key, IReadOnlyDictionary<string, string> podAnnotations, Func<SourceLocation> annotationLocation) =>
        podAnnotations.TryGetValue(key, out var annotation) && bool.TryParse(annotation.Trim(), out var fromPod)
            ? new Setting<bool>(fromPod, $"annotation {key} at {MeshSettingsReader.Short(annotationLocation())}")
            : null;

    private Setting<bool>? FromNamespace(string key, string ns)
    {
        if (namespaceLabels.TryGetValue(ns, out var labels) && labels.TryGetValue(key, out var label) && bool.TryParse(label.Trim(), out var fromNamespace))
        {
            return new Setting<bool>(fromNamespace, $"label {key} on namespace {ns}");
        }

        return null;
    }
}
