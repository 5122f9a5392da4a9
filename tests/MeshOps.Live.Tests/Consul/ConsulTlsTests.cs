using MeshOps.Clients;
using MeshOps.Clients.Consul;
using MeshOps.Simulation.Consul;

namespace MeshOps.Live.Tests.Consul;

/// <summary>TLS verification is on unless turned off: a server whose CA is not trusted is refused at once, with what to set.</summary>
public sealed class ConsulTlsTests
{
    [Fact]
    public async Task A_server_signed_by_an_unknown_ca_is_refused_without_retries()
    {
        await using var server = await SimulatedConsulServer.StartTlsAsync(ConsulTestData.HashiCups());
        using var client = ConsulTestData.Client(server, ConsulTestData.Token);

        var error = await Assert.ThrowsAsync<EndpointException>(() => client.GetLeaderAsync());

        Assert.Equal(EndpointFailure.Tls, error.Failure);
        Assert.Equal(1, error.Attempts);
        // The handshake failed before any request: the token never reached a server that could not prove who it is.
        Assert.Empty(server.Requests);
        Assert.Contains($"Could not make a trusted TLS connection to Consul at https://127.0.0.1:{server.EndPoint.Port}/v1/status/leader", error.Message, StringComparison.Ordinal);
        Assert.Contains("Set CONSUL_CACERT to the PEM file of the CA", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Consul_cacert_trusts_the_server_the_ca_signed()
    {
        await using var server = await SimulatedConsulServer.StartTlsAsync(ConsulTestData.HashiCups());
        var ca = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(ca, server.CertificateAuthorityPem);
            using var client = new ConsulClient(new ConsulClientOptions { Timeouts = ConsulTestData.Fast },
                name => name switch { "CONSUL_HTTP_ADDR" => $"127.0.0.1:{server.EndPoint.Port}", "CONSUL_HTTP_SSL" => "true", "CONSUL_CACERT" => ca, _ => null });

            Assert.Equal("10.244.0.10:8300", await client.GetLeaderAsync());
        }
        finally
        {
            File.Delete(ca);
        }
    }

    [Fact]
    public async Task A_ca_that_did_not_sign_the_server_is_not_enough()
    {
        await using var server = await SimulatedConsulServer.StartTlsAsync(ConsulTestData.HashiCups());
        await using var other = await SimulatedConsulServer.StartTlsAsync(ConsulTestData.HashiCups());
        var ca = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(ca, other.CertificateAuthorityPem);
            using var client = new ConsulClient(new ConsulClientOptions { Address = server.BaseAddress.ToString(), CaCertFile = ca, Timeouts = ConsulTestData.Fast }, ConsulTestData.NoEnvironment);

            var error = await Assert.ThrowsAsync<EndpointException>(() => client.GetLeaderAsync());

            Assert.Equal(EndpointFailure.Tls, error.Failure);
        }
        finally
        {
            File.Delete(ca);
        }
    }

    [Fact]
    public async Task Verification_turned_off_accepts_the_server()
    {
        await using var server = await SimulatedConsulServer.StartTlsAsync(ConsulTestData.HashiCups());
        using var client = new ConsulClient(new ConsulClientOptions { Address = server.BaseAddress.ToString(), Timeouts = ConsulTestData.Fast },
            name => name == "CONSUL_HTTP_SSL_VERIFY" ? "false" : null);

        Assert.Equal("10.244.0.10:8300", await client.GetLeaderAsync());
    }
}
