using MeshOps.Discovery;

namespace MeshOps.Tests.Discovery;

public class CommandLineScannerTests
{
    [Fact]
    public void Flag_with_separate_value_is_read()
    {
        var endpoint = Assert.Single(CommandLineScanner.Scan(["--upstream", "http://orders:9000", "--verbose"]).Endpoints);

        Assert.Equal(("orders", 9000, EndpointOrigin.CommandArgument), (endpoint.Host, endpoint.Port, endpoint.Origin));
    }

    [Fact]
    public void Postgres_port_setting_moves_the_bind()
    {
        var binds = CommandLineScanner.Scan(["-c", "listen_addresses=localhost,10.0.0.5", "-c", "port=5433"]).Binds;

        Assert.Equal([("localhost", 5433), ("10.0.0.5", 5433)], binds.Select(b => (b.Host!, b.Port)));
    }

    [Fact]
    public void Postgres_star_listens_on_every_interface()
    {
        var bind = Assert.Single(CommandLineScanner.Scan(["-c", "listen_addresses='*'"]).Binds);

        Assert.Null(bind.Host);
        Assert.False(bind.IsLoopback);
    }

    [Fact]
    public void Shell_script_after_dash_c_is_still_scanned_for_urls()
    {
        var endpoint = Assert.Single(CommandLineScanner.Scan(["-c", "curl -s http://config-server:8888/app && exec app"]).Endpoints);

        Assert.Equal("config-server", endpoint.Host);
    }

    [Fact]
    public void Listen_flag_is_a_bind()
    {
        var bind = Assert.Single(CommandLineScanner.Scan(["--listen-address=127.0.0.1:8080"]).Binds);

        Assert.True(bind.IsLoopback);
    }

    [Fact]
    public void Flag_value_keeps_the_flag_as_key()
    {
        var endpoint = Assert.Single(CommandLineScanner.Scan(["--upstream", "http://orders:9000"]).Endpoints);

        Assert.Equal("upstream", endpoint.Key);
    }

    [Fact]
    public void Bare_url_arguments_are_endpoints_without_key()
    {
        var endpoint = Assert.Single(CommandLineScanner.Scan(["serve", "http://api:80", "x=http://api:80"]).Endpoints);

        Assert.Equal(("api", 80, "http", (string?)null), (endpoint.Host, endpoint.Port, endpoint.Scheme, endpoint.Key));
    }

    [Fact]
    public void Trailing_dash_c_is_ignored()
    {
        Assert.Same(DiscoveryResult.Empty, CommandLineScanner.Scan(["postgres", "-c"]));
    }

    [Fact]
    public void Attached_dash_c_settings_are_read()
    {
        var bind = Assert.Single(CommandLineScanner.Scan(["postgres", "-clisten_addresses=*", "-cport=5433"]).Binds);

        Assert.Equal(((string?)null, 5433, "listen_addresses"), (bind.Host, bind.Port, bind.Key));
    }

    [Fact]
    public void Double_dash_c_flag_is_not_a_postgres_setting()
    {
        var result = CommandLineScanner.Scan(["--config=port=5433", "-c", "listen_addresses=*"]);

        Assert.Equal(5432, Assert.Single(result.Binds).Port);
    }

    [Fact]
    public void Setting_value_is_not_taken_as_a_flag_value()
    {
        var result = CommandLineScanner.Scan(["-c", "listen_addresses=*", "http://config:8888"]);

        Assert.Null(Assert.Single(result.Endpoints).Key);
        Assert.Equal("-c listen_addresses=*", Assert.Single(result.Binds).Excerpt);
    }

    [Fact]
    public void Invalid_postgres_port_keeps_the_default()
    {
        var bind = Assert.Single(CommandLineScanner.Scan(["-c", "listen_addresses=*", "-c", "port=abc"]).Binds);

        Assert.Equal(5432, bind.Port);
    }

    [Fact]
    public void Postgres_listen_list_is_trimmed_and_empty_entries_dropped()
    {
        var binds = CommandLineScanner.Scan(["-c", "listen_addresses=localhost, 10.0.0.5,,"]).Binds;

        Assert.Equal([("localhost", 5432), ("10.0.0.5", 5432)], binds.Select(b => (b.Host!, b.Port)));
        Assert.All(binds, b => Assert.Equal("listen_addresses", b.Key));
    }

    [Theory]
    [InlineData(new[] { "curl", "-X", "post", "http://web/api" }, "POST")]
    [InlineData(new[] { "/usr/bin/curl", "-XDELETE", "http://web/api" }, "DELETE")]
    [InlineData(new[] { "curl", "--request", "PUT", "http://web/api" }, "PUT")]
    [InlineData(new[] { "curl", "http://web/api" }, null)]
    [InlineData(new[] { "wget", "-X", "POST", "http://web/api" }, null)]
    public void A_curl_command_states_the_method_of_its_urls(string[] args, string? method)
    {
        var endpoint = Assert.Single(CommandLineScanner.Scan(args).Endpoints);

        Assert.Equal(("/api", method), (endpoint.Path, endpoint.Method));
    }
}
