using MeshOps.Clients.Consul;
using MeshOps.Simulation.Consul;

namespace MeshOps.Live.Tests.Consul;

/// <summary>CONSUL_* variables read as the consul CLI reads them (hashicorp/consul api/api.go), explicit options over them.</summary>
public sealed class ConsulSettingsTests
{
    private static ConsulSettings Resolve(Dictionary<string, string> env, ConsulClientOptions? options = null) =>
        ConsulSettings.Resolve(options, name => env.GetValueOrDefault(name));

    [Fact]
    public void Nothing_set_is_the_cli_default_address_without_a_token()
    {
        var settings = Resolve([]);

        Assert.Equal(new Uri("http://127.0.0.1:8500/"), settings.BaseAddress);
        Assert.Equal(ConsulSettingSource.Default, settings.AddressSource);
        Assert.False(settings.HasToken);
        Assert.True(settings.VerifyTls);
        Assert.Null(settings.Namespace);
    }

    [Theory]
    [InlineData("consul.example:8500", null, "http://consul.example:8500/")]
    [InlineData("consul.example:8501", "true", "https://consul.example:8501/")]
    [InlineData("consul.example:8501", "1", "https://consul.example:8501/")]
    [InlineData("http://consul.example:8500", "true", "http://consul.example:8500/")]
    [InlineData("https://consul.example:8501/", null, "https://consul.example:8501/")]
    [InlineData("10.0.0.5:8500", "false", "http://10.0.0.5:8500/")]
    public void The_address_takes_its_scheme_from_the_url_or_consul_http_ssl(string address, string? ssl, string expected)
    {
        var env = new Dictionary<string, string> { ["CONSUL_HTTP_ADDR"] = address };
        if (ssl is not null)
        {
            env["CONSUL_HTTP_SSL"] = ssl;
        }

        var settings = Resolve(env);

        Assert.Equal(new Uri(expected), settings.BaseAddress);
        Assert.Equal(ConsulSettingSource.Environment, settings.AddressSource);
    }

    [Theory]
    [InlineData("unix:///var/run/consul.sock", "unix socket")]
    [InlineData("ftp://consul:21", "the scheme 'ftp'")]
    [InlineData("http://consul:8500/some/path", "is not an address")]
    public void An_address_that_is_not_one_is_an_error_naming_the_variable(string address, string words)
    {
        var error = Assert.Throws<ConsulSettingsException>(() => Resolve(new() { ["CONSUL_HTTP_ADDR"] = address }));

        Assert.Contains("CONSUL_HTTP_ADDR", error.Message, StringComparison.Ordinal);
        Assert.Contains(words, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_boolean_variable_that_is_not_one_is_an_error()
    {
        var error = Assert.Throws<ConsulSettingsException>(() => Resolve(new() { ["CONSUL_HTTP_SSL_VERIFY"] = "nope" }));

        Assert.Contains("CONSUL_HTTP_SSL_VERIFY is 'nope'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("false", false)]
    [InlineData("0", false)]
    [InlineData("true", true)]
    public void Tls_verification_is_off_only_when_turned_off(string value, bool verify) =>
        Assert.Equal(verify, Resolve(new() { ["CONSUL_HTTP_SSL_VERIFY"] = value }).VerifyTls);

    [Fact]
    public void Explicit_options_override_each_variable()
    {
        var env = new Dictionary<string, string>
        {
            ["CONSUL_HTTP_ADDR"] = "env-host:8500",
            ["CONSUL_HTTP_TOKEN"] = "env-token-value-1234",
            ["CONSUL_HTTP_SSL_VERIFY"] = "false",
            ["CONSUL_NAMESPACE"] = "env-ns",
            ["CONSUL_PARTITION"] = "env-partition",
            ["CONSUL_CACERT"] = "/env/ca.pem",
        };
        var options = new ConsulClientOptions
        {
            Address = "https://given-host:8501",
            Token = new ConsulToken("given-token-value-5678"),
            VerifyTls = true,
            Namespace = "given-ns",
            Partition = "given-partition",
            CaCertFile = "/given/ca.pem",
        };

        var settings = Resolve(env, options);

        Assert.Equal(new Uri("https://given-host:8501/"), settings.BaseAddress);
        Assert.Equal(ConsulSettingSource.Explicit, settings.AddressSource);
        Assert.Equal("given explicitly", settings.TokenSource);
        Assert.True(settings.VerifyTls);
        Assert.Equal("given-ns", settings.Namespace);
        Assert.Equal("given-partition", settings.Partition);
        Assert.Equal("/given/ca.pem", settings.CaCertFile);
        Assert.Equal("env-ns", Resolve(env).Namespace);
        Assert.Equal("env-partition", Resolve(env).Partition);
        Assert.Equal("/env/ca.pem", Resolve(env).CaCertFile);
    }

    [Fact]
    public async Task The_token_file_wins_over_the_token_variable_as_in_the_cli()
    {
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, "  " + ConsulTestData.Token + "\n");
            await using var server = await SimulatedConsulServer.StartAsync(ConsulTestData.HashiCups(), requiredToken: ConsulTestData.Token);
            var env = new Dictionary<string, string>
            {
                ["CONSUL_HTTP_ADDR"] = server.BaseAddress.ToString(),
                ["CONSUL_HTTP_TOKEN"] = "stale-token-from-env-0000",
                ["CONSUL_HTTP_TOKEN_FILE"] = file,
            };
            using var client = new ConsulClient(new ConsulClientOptions { Timeouts = ConsulTestData.Fast }, name => env.GetValueOrDefault(name));

            Assert.Equal("10.244.0.10:8300", await client.GetLeaderAsync());
            Assert.Equal($"from CONSUL_HTTP_TOKEN_FILE ({file})", client.Settings.TokenSource);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task The_token_variable_is_sent_when_no_file_is_set()
    {
        await using var server = await SimulatedConsulServer.StartAsync(ConsulTestData.HashiCups(), requiredToken: ConsulTestData.Token);
        using var client = new ConsulClient(new ConsulClientOptions { Timeouts = ConsulTestData.Fast },
            name => name switch { "CONSUL_HTTP_ADDR" => server.BaseAddress.ToString(), "CONSUL_HTTP_TOKEN" => ConsulTestData.Token, _ => null });

        Assert.Equal("10.244.0.10:8300", await client.GetLeaderAsync());
        Assert.Equal("from CONSUL_HTTP_TOKEN", client.Settings.TokenSource);
    }

    [Fact]
    public void A_token_file_that_cannot_be_read_names_the_variable_and_the_path()
    {
        var missing = Path.Combine(Path.GetTempPath(), "meshops-no-such-token-" + Guid.NewGuid());

        var error = Assert.Throws<ConsulSettingsException>(() => Resolve(new() { ["CONSUL_HTTP_TOKEN_FILE"] = missing }));

        Assert.Contains($"Cannot read the Consul token file {missing} (CONSUL_HTTP_TOKEN_FILE)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_ca_file_that_is_not_a_certificate_names_the_variable()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "not a certificate");
            var error = Assert.Throws<ConsulSettingsException>(() =>
                new ConsulClient(new ConsulClientOptions { Address = "https://127.0.0.1:8501" }, name => name == "CONSUL_CACERT" ? file : null));

            Assert.Contains($"Cannot read the CA certificate {file} (CONSUL_CACERT)", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void An_address_with_a_password_is_masked_in_the_error()
    {
        var error = Assert.Throws<ConsulSettingsException>(() => Resolve(new() { ["CONSUL_HTTP_ADDR"] = "http://admin:hunter2secret@consul:8500/x" }));

        Assert.DoesNotContain("hunter2secret", error.Message, StringComparison.Ordinal);
    }
}
