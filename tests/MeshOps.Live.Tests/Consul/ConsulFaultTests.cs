using System.Collections.Concurrent;
using System.Net;
using MeshOps.Clients;
using MeshOps.Simulation.Consul;
using MeshOps.Simulation.Faults;

namespace MeshOps.Live.Tests.Consul;

/// <summary>Each fault mode of the simulated server, seen through the client: a clear error naming the endpoint, or the answer once the fault clears.</summary>
public sealed class ConsulFaultTests
{
    private const string Services = "/v1/catalog/services";

    [Theory]
    [InlineData(FaultKind.TooManyRequests)]
    [InlineData(FaultKind.ServerError)]
    [InlineData(FaultKind.DropConnection)]
    [InlineData(FaultKind.TruncatedBody)]
    public async Task A_transient_fault_that_clears_is_retried_and_the_real_answer_returned(FaultKind kind)
    {
        var retries = new ConcurrentQueue<RetryNotice>();
        await using var server = await SimulatedConsulServer.StartAsync(ConsulTestData.HashiCups());
        server.Faults.Add(new Fault(kind, Services, Times: 2) { RetryAfterSeconds = 0 });
        using var client = ConsulTestData.Client(server, onRetry: retries.Enqueue);

        var services = await client.GetServicesAsync();

        Assert.Contains("public-api", services.Keys);
        Assert.Equal(3, server.Requests.Count(r => r.Path == Services));
        Assert.Equal(2, retries.Count);
    }

    [Theory]
    [InlineData(FaultKind.TooManyRequests, EndpointFailure.Status, "answered 429 TooManyRequests: gave up after 4 attempts")]
    [InlineData(FaultKind.ServerError, EndpointFailure.Status, "answered 500 InternalServerError: gave up after 4 attempts")]
    [InlineData(FaultKind.DropConnection, EndpointFailure.ConnectionLost, "failed before it answered")]
    [InlineData(FaultKind.TruncatedBody, EndpointFailure.Truncated, "was cut short")]
    public async Task A_fault_that_persists_ends_in_an_error_naming_the_endpoint(FaultKind kind, EndpointFailure failure, string words)
    {
        await using var server = await SimulatedConsulServer.StartAsync(ConsulTestData.HashiCups(), requiredToken: ConsulTestData.Token);
        server.Faults.Add(new Fault(kind, Services) { RetryAfterSeconds = 0 });
        using var client = ConsulTestData.Client(server, ConsulTestData.Token);

        var error = await Assert.ThrowsAsync<EndpointException>(() => client.GetServicesAsync());

        Assert.Equal(failure, error.Failure);
        Assert.Equal(4, error.Attempts);
        Assert.Contains($"Consul at http://127.0.0.1:{server.EndPoint.Port}{Services}", error.Message, StringComparison.Ordinal);
        Assert.Contains(words, error.Message, StringComparison.Ordinal);
        Assert.Equal(4, server.Requests.Count(r => r.Path == Services));
        Assert.DoesNotContain(ConsulTestData.Token, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_slow_answer_is_abandoned_at_the_attempt_timeout_and_retried()
    {
        await using var server = await SimulatedConsulServer.StartAsync(ConsulTestData.HashiCups());
        server.Faults.Add(new Fault(FaultKind.Latency, Services, Times: 1) { Delay = TimeSpan.FromMinutes(5) });
        using var client = ConsulTestData.Client(server, timeouts: ConsulTestData.Fast with { AttemptTimeout = TimeSpan.FromMilliseconds(300) });

        var services = await client.GetServicesAsync();

        Assert.Contains("frontend", services.Keys);
        Assert.Equal(2, server.Requests.Count(r => r.Path == Services));
    }

    [Fact]
    public async Task A_server_that_stays_slow_ends_in_a_timeout_error_naming_the_endpoint()
    {
        await using var server = await SimulatedConsulServer.StartAsync(ConsulTestData.HashiCups());
        server.Faults.Add(new Fault(FaultKind.Latency, Services) { Delay = TimeSpan.FromMinutes(5) });
        using var client = ConsulTestData.Client(server, timeouts: ConsulTestData.Fast with { AttemptTimeout = TimeSpan.FromMilliseconds(100), MaxRetries = 1 });

        var error = await Assert.ThrowsAsync<EndpointException>(() => client.GetServicesAsync());

        Assert.Equal(EndpointFailure.Timeout, error.Failure);
        Assert.Contains($"Consul at http://127.0.0.1:{server.EndPoint.Port}{Services} did not answer within 100 ms (gave up after 2 attempts)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_token_is_not_retried_and_says_to_set_a_valid_token()
    {
        await using var server = await SimulatedConsulServer.StartAsync(ConsulTestData.HashiCups());
        server.Faults.Add(new Fault(FaultKind.ExpiredToken, Services));
        using var client = ConsulTestData.Client(server, ConsulTestData.Token);

        var error = await Assert.ThrowsAsync<EndpointException>(() => client.GetServicesAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal(1, server.Requests.Count(r => r.Path == Services));
        Assert.Contains("answered 401 Unauthorized: the token given explicitly was refused (expired or revoked). Set CONSUL_HTTP_TOKEN", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ConsulTestData.Token, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nothing_listening_names_the_address_and_says_to_set_consul_http_addr()
    {
        var server = await SimulatedConsulServer.StartAsync(ConsulTestData.HashiCups());
        var address = server.BaseAddress;
        await server.DisposeAsync();
        using var client = new MeshOps.Clients.Consul.ConsulClient(
            new() { Timeouts = ConsulTestData.Fast with { MaxRetries = 1 } },
            name => name == "CONSUL_HTTP_ADDR" ? $"{address.Host}:{address.Port}" : null);

        var error = await Assert.ThrowsAsync<EndpointException>(() => client.GetLeaderAsync());

        Assert.Equal(EndpointFailure.ConnectionRefused, error.Failure);
        Assert.Contains($"Could not connect to Consul at http://127.0.0.1:{address.Port}/v1/status/leader: the connection was refused", error.Message, StringComparison.Ordinal);
        Assert.Contains("Set CONSUL_HTTP_ADDR to the Consul server's address (now http://127.0.0.1:", error.Message, StringComparison.Ordinal);
        Assert.Contains($":{address.Port}/, from CONSUL_HTTP_ADDR), or check that the port-forward", error.Message, StringComparison.Ordinal);
        Assert.Contains("port-forward", error.Message, StringComparison.Ordinal);
    }
}
