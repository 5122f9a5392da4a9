using System.Net;
using System.Net.Sockets;
using MeshOps.Clients;
using MeshOps.Envoy.Admin;
using MeshOps.Envoy.Server;
using MeshOps.Simulation.Faults;

namespace MeshOps.Live.Tests.Envoy;

/// <summary>
/// The admin client against a real socket on 127.0.0.1 that answers badly: each failure is one EndpointException
/// naming the URL and the path, and no body that did not arrive whole ever reaches a parser.
/// </summary>
public sealed class EnvoyAdminClientFaultTests
{
    private static readonly EnvoyAdminOptions Fast = new()
    {
        Timeouts = ClientTimeouts.Default with
        {
            AttemptTimeout = TimeSpan.FromSeconds(2),
            TotalTimeout = TimeSpan.FromSeconds(10),
            MaxRetries = 2,
            RetryBaseDelay = TimeSpan.FromMilliseconds(10),
            MaxRetryDelay = TimeSpan.FromMilliseconds(50),
        },
    };

    [Fact]
    public async Task A_healthy_admin_gives_the_whole_server_info()
    {
        await using var server = await FaultyEnvoyAdmin.StartAsync(EnvoyAdminFaultKind.None);
        await using var admin = EnvoyAdminClient.ForUrl(server.BaseAddress, Fast);

        var response = await admin.GetAsync("/server_info");

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("application/json", response.ContentType);
        var info = EnvoyServerInfoParser.Parse(admin.Source, response.Body.Span);
        Assert.Equal(EnvoyServerState.Live, info.State);
        Assert.Equal("payments-0-payments-sidecar-proxy", info.NodeId);
        Assert.Equal(1, server.Requests);
    }

    [Theory]
    [InlineData(EnvoyAdminFaultKind.TruncatedLength)]
    [InlineData(EnvoyAdminFaultKind.TruncatedChunked)]
    public async Task A_body_cut_short_is_retried_then_an_error_naming_the_url_and_path(EnvoyAdminFaultKind kind)
    {
        await using var server = await FaultyEnvoyAdmin.StartAsync(kind);
        await using var admin = EnvoyAdminClient.ForUrl(server.BaseAddress, Fast);

        var error = await Assert.ThrowsAsync<EndpointException>(() => admin.GetAsync("/server_info"));

        Assert.Equal(EndpointFailure.Truncated, error.Failure);
        Assert.Contains($"{server.BaseAddress}server_info", error.Message, StringComparison.Ordinal);
        Assert.Contains("cut short", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, error.Attempts);
        Assert.Equal(3, server.Requests);
    }

    [Fact]
    public async Task A_503_is_retried_then_an_error_with_the_status_and_what_the_admin_said()
    {
        await using var server = await FaultyEnvoyAdmin.StartAsync(EnvoyAdminFaultKind.ServiceUnavailable);
        await using var admin = EnvoyAdminClient.ForUrl(server.BaseAddress, Fast);

        var error = await Assert.ThrowsAsync<EndpointException>(() => admin.GetAsync("/clusters?format=json"));

        Assert.Equal(EndpointFailure.Status, error.Failure);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Contains($"{server.BaseAddress}clusters answered 503", error.Message, StringComparison.Ordinal);
        Assert.Contains("simulated 503 admin", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, server.Requests);
    }

    [Fact]
    public async Task A_slow_admin_times_out_with_an_error_naming_it()
    {
        await using var server = await FaultyEnvoyAdmin.StartAsync(EnvoyAdminFaultKind.Slow, delay: TimeSpan.FromMinutes(1));
        var options = Fast with { Timeouts = Fast.Timeouts with { AttemptTimeout = TimeSpan.FromMilliseconds(300), TotalTimeout = TimeSpan.FromSeconds(1), MaxRetries = 1 } };
        await using var admin = EnvoyAdminClient.ForUrl(server.BaseAddress, options);

        var error = await Assert.ThrowsAsync<EndpointException>(() => admin.GetAsync("/server_info"));

        Assert.Equal(EndpointFailure.Timeout, error.Failure);
        Assert.Contains($"{server.BaseAddress}server_info did not answer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_connection_is_an_error_naming_the_url()
    {
        var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();
        await using var admin = EnvoyAdminClient.ForUrl(new Uri($"http://127.0.0.1:{port}"), Fast);

        var error = await Assert.ThrowsAsync<EndpointException>(() => admin.GetAsync("/ready"));

        Assert.Equal(EndpointFailure.ConnectionRefused, error.Failure);
        Assert.Contains($"http://127.0.0.1:{port}/ready", error.Message, StringComparison.Ordinal);
        Assert.Contains("refused", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(EnvoyAdminFaultKind.OversizedLength)]
    [InlineData(EnvoyAdminFaultKind.OversizedChunked)]
    public async Task A_body_past_the_limit_is_refused_once_without_a_retry(EnvoyAdminFaultKind kind)
    {
        await using var server = await FaultyEnvoyAdmin.StartAsync(kind);
        await using var admin = EnvoyAdminClient.ForUrl(server.BaseAddress, Fast with { MaxBodyBytes = 1024 * 1024 });

        var error = await Assert.ThrowsAsync<EndpointException>(() => admin.GetAsync("/stats"));

        Assert.Equal(EndpointFailure.InvalidResponse, error.Failure);
        Assert.Contains($"{server.BaseAddress}stats is larger", error.Message, StringComparison.Ordinal);
        Assert.Contains("limit of 1048576 bytes", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, server.Requests);
    }

    [Fact]
    public async Task A_body_at_the_limit_is_read()
    {
        await using var server = await FaultyEnvoyAdmin.StartAsync(EnvoyAdminFaultKind.None);
        await using var probe = EnvoyAdminClient.ForUrl(server.BaseAddress, Fast);
        var size = (await probe.GetAsync("/server_info")).Body.Length;
        await using var admin = EnvoyAdminClient.ForUrl(server.BaseAddress, Fast with { MaxBodyBytes = size });

        var response = await admin.GetAsync("/server_info");

        Assert.Equal(size, response.Body.Length);
        await using var tooSmall = EnvoyAdminClient.ForUrl(server.BaseAddress, Fast with { MaxBodyBytes = size - 1 });
        await Assert.ThrowsAsync<EndpointException>(() => tooSmall.GetAsync("/server_info"));
    }

    [Fact]
    public async Task A_404_is_not_retried_and_says_the_admin_has_no_such_endpoint()
    {
        await using var server = await FaultyEnvoyAdmin.StartAsync(EnvoyAdminFaultKind.None);
        await using var admin = EnvoyAdminClient.ForUrl(server.BaseAddress, Fast);

        var error = await Assert.ThrowsAsync<EndpointException>(() => admin.GetAsync("/no_such_endpoint"));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Contains($"{server.BaseAddress}no_such_endpoint answered 404", error.Message, StringComparison.Ordinal);
        Assert.Contains("no such admin endpoint", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, server.Requests);
    }

    [Fact]
    public void An_admin_url_that_is_not_http_is_refused_before_any_request()
    {
        var error = Assert.Throws<ArgumentException>(() => EnvoyAdminClient.ForUrl(new Uri("file:///tmp/admin")));
        Assert.Contains("http://", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Credentials_in_an_admin_url_reach_neither_the_source_nor_an_error()
    {
        await using var server = await FaultyEnvoyAdmin.StartAsync(EnvoyAdminFaultKind.ServiceUnavailable);
        var withCredentials = new UriBuilder(server.BaseAddress) { UserName = "admin", Password = "hunter2-secret" }.Uri;
        await using var admin = EnvoyAdminClient.ForUrl(withCredentials, Fast);

        var error = await Assert.ThrowsAsync<EndpointException>(() => admin.GetAsync("/server_info"));

        Assert.DoesNotContain("hunter2-secret", admin.Source.Endpoint, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2-secret", admin.Source.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2-secret", error.Message, StringComparison.Ordinal);
        Assert.Equal(server.BaseAddress.GetLeftPart(UriPartial.Authority), admin.Source.Endpoint);
    }

    [Fact]
    public async Task The_query_reaches_the_admin_and_an_error_never_prints_it()
    {
        await using var server = await FaultyEnvoyAdmin.StartAsync(EnvoyAdminFaultKind.ServiceUnavailable);
        await using var admin = EnvoyAdminClient.ForUrl(server.BaseAddress, Fast);

        var error = await Assert.ThrowsAsync<EndpointException>(() => admin.GetAsync("/stats?filter=secret-token-value"));

        Assert.DoesNotContain("secret-token-value", error.Message, StringComparison.Ordinal);
        Assert.Equal("/stats", error.Endpoint.AbsolutePath);
    }
}
