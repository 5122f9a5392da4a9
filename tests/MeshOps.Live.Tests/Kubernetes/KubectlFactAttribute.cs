namespace MeshOps.Live.Tests.Kubernetes;

/// <summary>
/// A fact that needs the real kubectl: skipped, saying so, when kubectl is not on PATH (CI installs the Debian package
/// kubernetes-client; xunit 2 has no dynamic skip, so the attribute decides at discovery).
/// </summary>
public sealed class KubectlFactAttribute : FactAttribute
{
    public KubectlFactAttribute()
    {
        if (Kubectl.Path is null)
            Skip = "kubectl is not on PATH (install the kubernetes-client package to run the kubectl fidelity tests)";
    }
}
