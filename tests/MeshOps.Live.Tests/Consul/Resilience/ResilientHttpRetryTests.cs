using System.Collections.Concurrent;
using System.Net;
using MeshOps.Clients;

namespace MeshOps.Live.Tests.Consul.Resilience;

public sealed class ResilientHttpRetryTests
{
    private static readonly Uri Endpoint = new("http://consul.test:8500/v1/catalog/services?token=s3cr3t-query-value");

    internal static ResilientHttpOptions Fast(Action<RetryNotice>? onRetry = null) => new()
    {
        ServiceName = "Consul",
        ConnectionAdvice = "Set CONSUL_HTTP_ADDR.",
        Timeouts = ClientTimeouts.Default with { RetryBaseDelay = TimeSpan.FromMilliseconds(1) },
        OnRetry = onRetry,
    };

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.RequestTimeout)]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    public async Task A_transient_status_is_retried_until_the_server_answers(HttpStatusCode status)
    {
        var inner = new ScriptedHandler(ScriptedHandler.Status(status), ScriptedHandler.Status(status), ScriptedHandler.Status(HttpStatusCode.OK, body: "{}"));
        using var client = ResilientHttp.CreateClient(inner, Fast());

        using var response = await client.GetAsync(Endpoint);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, inner.Calls);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.Forbidden)]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.Conflict)]
    public async Task Any_other_4xx_is_returned_to_the_caller_after_one_attempt(HttpStatusCode status)
    {
        var inner = new ScriptedHandler(ScriptedHandler.Status(status, body: "ACL not found"), ScriptedHandler.Status(HttpStatusCode.OK));
        using var client = ResilientHttp.CreateClient(inner, Fast());

        using var response = await client.GetAsync(Endpoint);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("ACL not found", await response.Content.ReadAsStringAsync());
        Assert.Equal(1, inner.Calls);
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    public async Task A_status_that_persists_gives_up_after_every_attempt_naming_the_endpoint(HttpStatusCode status)
    {
        var inner = new ScriptedHandler(ScriptedHandler.Status(status, body: "rpc error: no leader"));
        using var client = ResilientHttp.CreateClient(inner, Fast());

        var error = await Assert.ThrowsAsync<EndpointException>(() => client.GetAsync(Endpoint));

        Assert.Equal(4, inner.Calls);
        Assert.Equal(4, error.Attempts);
        Assert.Equal(EndpointFailure.Status, error.Failure);
        Assert.Equal(status, error.StatusCode);
        Assert.Contains("Consul at http://consul.test:8500/v1/catalog/services answered", error.Message, StringComparison.Ordinal);
        Assert.Contains($"{(int)status}", error.Message, StringComparison.Ordinal);
        Assert.Contains("gave up after 4 attempts", error.Message, StringComparison.Ordinal);
        Assert.Contains("rpc error: no leader", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", error.ToString(), StringComparison.Ordinal);
        Assert.Equal("http://consul.test:8500/v1/catalog/services", error.Endpoint.ToString());
    }

    [Fact]
    public async Task The_number_of_retries_follows_the_timeouts()
    {
        var inner = new ScriptedHandler(ScriptedHandler.Status(HttpStatusCode.InternalServerError));
        var options = Fast() with { Timeouts = Fast().Timeouts with { MaxRetries = 1 } };
        using var client = ResilientHttp.CreateClient(inner, options);

        var error = await Assert.ThrowsAsync<EndpointException>(() => client.GetAsync(Endpoint));

        Assert.Equal(2, inner.Calls);
        Assert.Contains("gave up after 2 attempts", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_connection_failure_is_retried()
    {
        var inner = new ScriptedHandler(
            ScriptedHandler.Throw(new HttpRequestException(HttpRequestError.ConnectionError, "Connection reset by peer", new IOException("reset"))),
            ScriptedHandler.Throw(new IOException("Unable to read data from the transport connection: Connection reset by peer.")),
            ScriptedHandler.Status(HttpStatusCode.OK));
        using var client = ResilientHttp.CreateClient(inner, Fast());

        using var response = await client.GetAsync(Endpoint);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, inner.Calls);
    }

    [Fact]
    public async Task A_refused_connection_names_the_address_and_what_to_do()
    {
        var port = ClosedPort();
        using var client = ResilientHttp.CreateClient(new SocketsHttpHandler(), Fast());

        var error = await Assert.ThrowsAsync<EndpointException>(() => client.GetAsync(new Uri($"http://127.0.0.1:{port}/v1/status/leader")));

        Assert.Equal(EndpointFailure.ConnectionRefused, error.Failure);
        Assert.Equal(4, error.Attempts);
        Assert.Contains($"Could not connect to Consul at http://127.0.0.1:{port}/v1/status/leader: the connection was refused (gave up after 4 attempts)", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("Set CONSUL_HTTP_ADDR.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retry_after_in_seconds_sets_the_wait_instead_of_the_backoff()
    {
        var waits = new ConcurrentQueue<RetryNotice>();
        var inner = new ScriptedHandler(ScriptedHandler.Status(HttpStatusCode.TooManyRequests, retryAfter: "0"), ScriptedHandler.Status(HttpStatusCode.OK));
        // A backoff of an hour would fail the call on its 30 s budget: only Retry-After: 0 lets it succeed.
        var options = Fast(waits.Enqueue) with { Timeouts = ClientTimeouts.Default with { RetryBaseDelay = TimeSpan.FromHours(1), MaxRetryDelay = TimeSpan.FromHours(2) } };
        using var client = ResilientHttp.CreateClient(inner, options);

        using var response = await client.GetAsync(Endpoint);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var notice = Assert.Single(waits);
        Assert.Equal(TimeSpan.Zero, notice.Delay);
        Assert.Equal(1, notice.FailedAttempt);
        Assert.Equal("429 TooManyRequests", notice.Reason);
        Assert.Equal("http://consul.test:8500/v1/catalog/services", notice.Endpoint);
    }

    [Fact]
    public async Task Retry_after_is_capped()
    {
        var waits = new ConcurrentQueue<RetryNotice>();
        var inner = new ScriptedHandler(ScriptedHandler.Status(HttpStatusCode.ServiceUnavailable, retryAfter: "3600"), ScriptedHandler.Status(HttpStatusCode.OK));
        var options = Fast(waits.Enqueue) with { Timeouts = Fast().Timeouts with { MaxRetryDelay = TimeSpan.FromMilliseconds(20) } };
        using var client = ResilientHttp.CreateClient(inner, options);

        using var response = await client.GetAsync(Endpoint);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(TimeSpan.FromMilliseconds(20), Assert.Single(waits).Delay);
    }

    [Fact]
    public async Task Retry_after_as_an_http_date_is_a_wait_until_then()
    {
        var waits = new ConcurrentQueue<RetryNotice>();
        var past = DateTimeOffset.UtcNow.AddMinutes(-1).ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        var inner = new ScriptedHandler(ScriptedHandler.Status(HttpStatusCode.TooManyRequests, retryAfter: past), ScriptedHandler.Status(HttpStatusCode.OK));
        var options = Fast(waits.Enqueue) with { Timeouts = ClientTimeouts.Default with { RetryBaseDelay = TimeSpan.FromHours(1), MaxRetryDelay = TimeSpan.FromHours(2) } };
        using var client = ResilientHttp.CreateClient(inner, options);

        using var response = await client.GetAsync(Endpoint);

        Assert.Equal(TimeSpan.Zero, Assert.Single(waits).Delay);
    }

    private static int ClosedPort()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
