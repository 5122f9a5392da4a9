using System.Net;
using MeshOps.Clients;

namespace MeshOps.Live.Tests.Consul.Resilience;

public sealed class ResilientHttpTimeoutTests
{
    private static readonly Uri Endpoint = new("http://consul.test:8500/v1/agent/self");

    [Fact]
    public async Task An_attempt_that_takes_too_long_is_abandoned_and_retried()
    {
        var inner = new ScriptedHandler(ScriptedHandler.Hang(), ScriptedHandler.Status(HttpStatusCode.OK));
        var options = ResilientHttpRetryTests.Fast() with
        {
            Timeouts = ResilientHttpRetryTests.Fast().Timeouts with { AttemptTimeout = TimeSpan.FromMilliseconds(50) },
        };
        using var client = ResilientHttp.CreateClient(inner, options);

        using var response = await client.GetAsync(Endpoint);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, inner.Calls);
    }

    [Fact]
    public async Task Attempts_that_all_time_out_say_so_with_the_limit()
    {
        var inner = new ScriptedHandler(ScriptedHandler.Hang());
        var options = ResilientHttpRetryTests.Fast() with
        {
            Timeouts = ResilientHttpRetryTests.Fast().Timeouts with { AttemptTimeout = TimeSpan.FromMilliseconds(20), MaxRetries = 2 },
        };
        using var client = ResilientHttp.CreateClient(inner, options);

        var error = await Assert.ThrowsAsync<EndpointException>(() => client.GetAsync(Endpoint));

        Assert.Equal(EndpointFailure.Timeout, error.Failure);
        Assert.Equal(3, inner.Calls);
        Assert.Contains("Consul at http://consul.test:8500/v1/agent/self did not answer within 20 ms (gave up after 3 attempts)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_total_timeout_ends_the_call_across_attempts()
    {
        var inner = new ScriptedHandler(ScriptedHandler.Hang());
        var options = ResilientHttpRetryTests.Fast() with
        {
            Timeouts = ResilientHttpRetryTests.Fast().Timeouts with { AttemptTimeout = TimeSpan.FromMinutes(10), TotalTimeout = TimeSpan.FromMilliseconds(100) },
        };
        using var client = ResilientHttp.CreateClient(inner, options);

        var error = await Assert.ThrowsAsync<EndpointException>(() => client.GetAsync(Endpoint));

        Assert.Equal(EndpointFailure.Timeout, error.Failure);
        Assert.Equal(1, inner.Calls);
        Assert.Contains("did not answer within 100 ms in all (1 attempt)", error.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task Cancellation_stops_an_attempt_at_once_and_is_not_retried()
    {
        var inner = new ScriptedHandler(ScriptedHandler.Hang());
        var options = ResilientHttpRetryTests.Fast() with
        {
            Timeouts = ClientTimeouts.Default with { AttemptTimeout = TimeSpan.FromHours(1), TotalTimeout = TimeSpan.FromHours(1) },
        };
        using var client = ResilientHttp.CreateClient(inner, options);
        using var cancel = new CancellationTokenSource();

        var call = client.GetAsync(Endpoint, cancel.Token);
        await inner.FirstCallStarted.Task;
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Equal(1, inner.Calls);
    }

    [Fact(Timeout = 60_000)]
    public async Task Cancellation_stops_the_wait_between_attempts()
    {
        using var cancel = new CancellationTokenSource();
        var inner = new ScriptedHandler(ScriptedHandler.Status(HttpStatusCode.ServiceUnavailable, retryAfter: "3600"));
        var options = ResilientHttpRetryTests.Fast(_ => cancel.Cancel()) with
        {
            Timeouts = ClientTimeouts.Default with { MaxRetryDelay = TimeSpan.FromHours(1), TotalTimeout = TimeSpan.FromHours(2) },
        };
        using var client = ResilientHttp.CreateClient(inner, options);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetAsync(Endpoint, cancel.Token));
        Assert.Equal(1, inner.Calls);
    }
}
