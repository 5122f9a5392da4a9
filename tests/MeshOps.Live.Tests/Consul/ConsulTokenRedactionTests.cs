using MeshOps.Secrets;

namespace MeshOps.Live.Tests.Consul;

/// <summary>The forms a Consul ACL token takes in text a user might see; each is masked by the redactor every output goes through.</summary>
public sealed class ConsulTokenRedactionTests
{
    private const string Token = "6f1c3b2e-9a4d-4f7e-8c21-5d0e9b7a3c44";

    [Theory]
    [InlineData("X-Consul-Token: {0}")]
    [InlineData("x-consul-token={0}")]
    [InlineData("CONSUL_HTTP_TOKEN={0}")]
    [InlineData("export CONSUL_HTTP_TOKEN=\"{0}\"")]
    [InlineData("GET /v1/catalog/services?token={0}&dc=dc1")]
    [InlineData("consul catalog services -token={0}")]
    [InlineData("consul catalog services -token {0}")]
    [InlineData("{{\"SecretID\": \"{0}\"}}")]
    [InlineData("Authorization: Bearer {0}")]
    [InlineData("consul.hashicorp.com/token: {0}")]
    public void A_consul_token_is_masked(string template)
    {
        var text = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, Token);

        var cleaned = OutputText.Clean(text);

        Assert.DoesNotContain(Token, cleaned, StringComparison.Ordinal);
        Assert.Contains(SecretRedactor.Mask, cleaned, StringComparison.Ordinal);
    }

    [Fact]
    public void The_token_file_variable_names_a_path_and_is_kept()
    {
        Assert.Equal("CONSUL_HTTP_TOKEN_FILE=/etc/consul/token", OutputText.Clean("CONSUL_HTTP_TOKEN_FILE=/etc/consul/token"));
    }
}
