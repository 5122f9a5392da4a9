using System.Net;
using MeshOps.Live.Tests.Kubernetes;

namespace MeshOps.Live.Tests.Streams;

/// <summary>
/// The real kubectl 1.32's port-forward against the simulated API server: SPDY/3.1 tunnelled in WebSocket by default,
/// and plain SPDY/3.1 when KUBECTL_PORT_FORWARD_WEBSOCKETS=false.
/// </summary>
public sealed class KubectlPortForwardTests(PodStreamsFixture fixture) : IClassFixture<PodStreamsFixture>
{
    [KubectlFact]
    public async Task Kubectl_port_forward_over_the_websocket_tunnel_reaches_Envoy_admin() => await ReachesEnvoyAdminAsync(websockets: true);

    [KubectlFact]
    public async Task Kubectl_port_forward_over_plain_SPDY_reaches_Envoy_admin() => await ReachesEnvoyAdminAsync(websockets: false);

    [KubectlFact]
    public async Task Kubectl_port_forward_to_a_closed_port_reports_the_kubelets_error()
    {
        await using var forward = await KubectlPortForward.StartAsync(fixture.Kubeconfig, PodStreamsFixture.Pod, 8500, websockets: true);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{forward.LocalPort}/") };

        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(new Uri("v1/status/leader", UriKind.Relative)));
        for (var i = 0; i < 100 && !forward.Stderr.Contains("connection refused", StringComparison.Ordinal); i++)
            await Task.Delay(100);

        Assert.Contains("error forwarding port 8500 to pod ", forward.Stderr, StringComparison.Ordinal);
        Assert.Contains("failed to connect to localhost:8500", forward.Stderr, StringComparison.Ordinal);
    }

    private async Task ReachesEnvoyAdminAsync(bool websockets)
    {
        await using var forward = await KubectlPortForward.StartAsync(fixture.Kubeconfig, PodStreamsFixture.Pod, 19000, websockets);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{forward.LocalPort}/") };

        var ready = await http.GetAsync(new Uri("ready", UriKind.Relative));
        var clusters = await http.GetStringAsync(new Uri("clusters", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("LIVE\n", await ready.Content.ReadAsStringAsync());
        Assert.Contains($"{fixture.Envoy.Data.ClusterName("payments")}::added_via_api::true\n", clusters, StringComparison.Ordinal);
    }
}
