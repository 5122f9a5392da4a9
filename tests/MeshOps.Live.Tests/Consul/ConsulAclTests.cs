using System.Net;
using MeshOps.Clients;
using MeshOps.Clients.Consul;
using MeshOps.Simulation.Consul;

namespace MeshOps.Live.Tests.Consul;

public sealed class ConsulAclTests
{
    [Fact]
    public async Task The_token_travels_in_the_header_and_is_accepted()
    {
        await using var server = await SimulatedConsulServer.StartAsync(ConsulTestData.HashiCups(), requiredToken: ConsulTestData.Token);
        using var client = ConsulTestData.Client(server, ConsulTestData.Token);

        Assert.NotEmpty(await client.GetServicesAsync());
        Assert.All(server.Requests, r => Assert.True(r.HadToken));
        Assert.DoesNotContain(ConsulTestData.Token, string.Join(' ', server.Requests.Select(r => r.Path + r.Query)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_token_where_acls_need_one_says_to_set_the_token_variables()
    {
        await using var server = await SimulatedConsulServer.StartAsync(ConsulTestData.HashiCups(), requiredToken: ConsulTestData.Token);
        using var client = ConsulTestData.Client(server);

        var error = await Assert.ThrowsAsync<EndpointException>(() => client.GetServiceAsync("public-api"));

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Single(server.Requests);
        Assert.Contains("answered 403 ACL not found: no token was sent, and ACLs are on. Set CONSUL_HTTP_TOKEN (or CONSUL_HTTP_TOKEN_FILE) to an ACL token with service:read and node:read.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_token_is_named_by_where_it_came_from_never_by_its_value()
    {
        const string wrong = "0bad0bad-1111-2222-3333-444455556666";
        await using var server = await SimulatedConsulServer.StartAsync(ConsulTestData.HashiCups(), requiredToken: ConsulTestData.Token);
        using var client = new ConsulClient(new ConsulClientOptions { Address = server.BaseAddress.ToString(), Timeouts = ConsulTestData.Fast },
            name => name switch { "CONSUL_HTTP_TOKEN" => wrong, _ => null });

        var error = await Assert.ThrowsAsync<EndpointException>(() => client.GetAgentSelfAsync());

        Assert.Contains("answered 403 ACL not found: the token from CONSUL_HTTP_TOKEN does not exist on this Consul cluster", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, client.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, client.Settings.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_without_a_permission_is_told_which_permission_it_lacks()
    {
        await using var server = await SimulatedConsulServer.StartAsync(ConsulTestData.HashiCups(), requiredToken: ConsulTestData.Token);
        server.DenyPermission("/v1/connect/intentions/match", "intentions:read", "product-api");
        using var client = ConsulTestData.Client(server, ConsulTestData.Token);

        var error = await Assert.ThrowsAsync<EndpointException>(() => client.MatchIntentionsAsync(ConsulIntentionMatchBy.Destination, ["product-api"]));

        Assert.Equal(EndpointFailure.Status, error.Failure);
        Assert.Contains("answered 403 Permission denied: the token given explicitly lacks the permission intentions:read on \"product-api\". Add intentions:read to the token's policy", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ConsulTestData.Token, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_token_never_shows_in_the_options_or_settings()
    {
        var token = new ConsulToken(ConsulTestData.Token);
        var options = new ConsulClientOptions { Token = token, Address = "consul.example:8501" };

        Assert.Equal("***", token.ToString());
        Assert.DoesNotContain(ConsulTestData.Token, options.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(ConsulTestData.Token, ConsulSettings.Resolve(options, ConsulTestData.NoEnvironment).ToString(), StringComparison.Ordinal);
        Assert.Empty(typeof(ConsulToken).GetProperties());
    }
}
