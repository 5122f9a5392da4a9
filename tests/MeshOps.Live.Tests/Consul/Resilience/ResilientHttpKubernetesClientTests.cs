using k8s;
using MeshOps.Clients;
using MeshOps.Simulation.Consul;
using MeshOps.Simulation.Faults;

namespace MeshOps.Live.Tests.Consul.Resilience;

/// <summary>The pipeline as KubernetesClient takes it (<see cref="ResilientHttp.CreateHandlers"/>), chained by KubernetesClient itself.</summary>
public sealed class ResilientHttpKubernetesClientTests
{
    [Fact]
    public async Task KubernetesClient_retries_through_the_handlers_and_gives_up_with_an_endpoint_error()
    {
        // Any HTTP server will do: every request to it fails with 500 before it could be routed.
        await using var server = await SimulatedConsulServer.StartAsync(new ConsulState());
        server.Faults.Add(new Fault(FaultKind.ServerError, "/api"));
        var options = ResilientHttpRetryTests.Fast() with { ServiceName = "the Kubernetes API server" };
        using var kubernetes = new k8s.Kubernetes(new KubernetesClientConfiguration { Host = server.BaseAddress.ToString() }, ResilientHttp.CreateHandlers(options));

        var error = await Assert.ThrowsAsync<EndpointException>(() => kubernetes.CoreV1.ListNamespacedPodAsync("shop", labelSelector: "app=web"));

        Assert.Equal(4, server.Requests.Count(r => r.Path == "/api/v1/namespaces/shop/pods"));
        Assert.StartsWith($"The Kubernetes API server at http://127.0.0.1:{server.EndPoint.Port}/api/v1/namespaces/shop/pods answered 500 InternalServerError: gave up after 4 attempts.", error.Message, StringComparison.Ordinal);
    }
}
