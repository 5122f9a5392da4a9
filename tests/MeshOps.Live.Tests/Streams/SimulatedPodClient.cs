using k8s;

namespace MeshOps.Live.Tests.Streams;

/// <summary>A KubernetesClient for the fixture's server, built from the kubeconfig it wrote, as a user's would be.</summary>
internal static class SimulatedPodClient
{
    public static k8s.Kubernetes Create(PodStreamsFixture fixture) =>
        new(KubernetesClientConfiguration.BuildConfigFromConfigFile(fixture.Kubeconfig));
}
