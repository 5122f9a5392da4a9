using MeshOps.Sources;

namespace MeshOps.Model;

/// <summary>
/// Decides, as the consul-k8s webhook does, whether a pod gets a sidecar and whether it runs transparent proxy:
/// the pod annotation wins, then the namespace label, then the Helm default. Annotation locations are looked up
/// only when an annotation decides, since most pods of a large mesh never need one quoted.
/// </summary>
internal sealed class InjectionSettings(MeshSettings settings, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> namespaceLabels)
{
    public Setting<bool> InMesh(string ns, IReadOnlyDictionary<string, string> podAnnotations, Func<SourceLocation> annotationLocation)
    {
        if (!settings.ConnectInjectEnabled.Value)
        {
            return new Setting<bool>(false, $"injection is disabled: {settings.ConnectInjectEnabled.Origin}");
        }

        return Resolve(ConsulAnnotations.ConnectInject, ns, podAnnotations, annotationLocation) ?? settings.ConnectInjectDefault;
    }

    public Setting<bool> TransparentProxy(string ns, IReadOnlyDictionary<string, string> podAnnotations, Func<SourceLocation> annotationLocation) =>
        Resolve(ConsulAnnotations.TransparentProxy, ns, podAnnotations, annotationLocation) ?? settings.TransparentProxyDefault;

    private Setting<bool>? Resolve(string key, string ns, IReadOnlyDictionary<string, string> podAnnotations, Func<SourceLocation> annotationLocation)
    {
        if (podAnnotations.TryGetValue(key, out var annotation) && bool.TryParse(annotation.Trim(), out var fromPod))
        {
            return new Setting<bool>(fromPod, $"annotation {key} at {MeshSettingsReader.Short(annotationLocation())}");
        }

        if (namespaceLabels.TryGetValue(ns, out var labels) && labels.TryGetValue(key, out var label) && bool.TryParse(label.Trim(), out var fromNamespace))
        {
            return new Setting<bool>(fromNamespace, $"label {key} on namespace {ns}");
        }

        return null;
    }
}
