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
}
