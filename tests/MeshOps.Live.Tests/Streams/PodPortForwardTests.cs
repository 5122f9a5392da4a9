using System.Net;
using System.Net.Sockets;
using MeshOps.Clients.Kubernetes;

namespace MeshOps.Live.Tests.Streams;

[Collection(SocketCountingCollection.Name)]
public sealed class PodPortForwardTests(PodStreamsFixture fixture) : IClassFixture<PodStreamsFixture>
{
    [Fact]
    public async Task An_HttpClient_reaches_Envoy_admin_ready_and_stats_in_the_pod()
    {
        using var kubernetes = SimulatedPodClient.Create(fixture);
        using var http = new HttpClient(PodPortForward.CreateHttpHandler(kubernetes, "shop", PodStreamsFixture.Pod, 19000)) { BaseAddress = new Uri("http://envoy-admin/") };

        var ready = await http.GetAsync(new Uri("ready", UriKind.Relative));
        var stats = await http.GetStringAsync(new Uri("stats?filter=upstream_cx_connect_fail", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("LIVE\n", await ready.Content.ReadAsStringAsync());
        Assert.Contains($"cluster.{fixture.Envoy.Data.ClusterName("product-api")}.upstream_cx_connect_fail: 0\n", stats, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_port_nothing_listens_on_is_an_error_naming_pod_and_port_with_the_kubelets_words()
    {
        using var kubernetes = SimulatedPodClient.Create(fixture);
        using var http = new HttpClient(PodPortForward.CreateHttpHandler(kubernetes, "shop", PodStreamsFixture.Pod, 8500)) { BaseAddress = new Uri("http://consul/") };

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(new Uri("v1/status/leader", UriKind.Relative)));

        var cause = Assert.IsType<PodStreamException>(error.InnerException);
        Assert.Contains("port-forward to pod shop/public-api-1 port 8500", cause.Message, StringComparison.Ordinal);
        Assert.Contains("error forwarding port 8500 to pod ", cause.Message, StringComparison.Ordinal);
        Assert.Contains("connect: connection refused", cause.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pod_that_does_not_exist_is_the_API_servers_not_found()
    {
        using var kubernetes = SimulatedPodClient.Create(fixture);

        var error = await Assert.ThrowsAsync<PodStreamException>(() => PodPortForward.OpenAsync(kubernetes, "shop", "public-api-0", 19000));

        Assert.Equal("Could not open a port-forward to pod shop/public-api-0 port 19000 through the Kubernetes API: the API server answered 404 NotFound: pods \"public-api-0\" not found.", error.Message);
        Assert.DoesNotContain(fixture.Server.Token, error.ToString(), StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task Cancelling_a_read_that_waits_for_the_pod_stops_it()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        fixture.Network.Listen("shop", PodStreamsFixture.Pod, 9090, (IPEndPoint)silent.LocalEndpoint);
        using var kubernetes = SimulatedPodClient.Create(fixture);
        await using var stream = await PodPortForward.OpenAsync(kubernetes, "shop", PodStreamsFixture.Pod, 9090);
        using var accepted = await silent.AcceptTcpClientAsync();
        using var cancel = new CancellationTokenSource();

        var read = stream.ReadAsync(new byte[16], cancel.Token).AsTask();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => read);
    }

    [Fact(Timeout = 30_000)]
    public async Task Bytes_flow_both_ways_nothing_listens_locally_and_dispose_closes_the_pod_side_connection()
    {
        using var pod = new TcpListener(IPAddress.Loopback, 0);
        pod.Start();
        fixture.Network.Listen("shop", PodStreamsFixture.Pod, 9091, (IPEndPoint)pod.LocalEndpoint);
        using var kubernetes = SimulatedPodClient.Create(fixture);
        var listeningBefore = ProcessSockets.Listening();

        var stream = await PodPortForward.OpenAsync(kubernetes, "shop", PodStreamsFixture.Pod, 9091);
        using var accepted = await pod.AcceptTcpClientAsync();
        var podSide = accepted.GetStream();
        await stream.WriteAsync("ping"u8.ToArray());
        var received = new byte[4];
        await podSide.ReadExactlyAsync(received);
        await podSide.WriteAsync("pong"u8.ToArray());
        var answer = new byte[4];
        await stream.ReadExactlyAsync(answer);
        var listeningDuring = ProcessSockets.Listening();
        await stream.DisposeAsync();
        var afterDispose = await podSide.ReadAsync(new byte[1]);

        Assert.Equal("ping"u8.ToArray(), received);
        Assert.Equal("pong"u8.ToArray(), answer);
        Assert.Subset(listeningBefore.ToHashSet(), listeningDuring.ToHashSet());
        Assert.Equal(0, afterDispose);
    }
}
