using System.Net;
using System.Net.Sockets;
using MeshOps.Paths.Live;

namespace MeshOps.Tests.Paths.Live;

public sealed class ProcNetTcpTests
{
    private const string TcpHeader = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n";

    private const string Tcp6Header =
        "  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n";

    private static string Tcp(string local, string state = "0A", int slot = 0) =>
        $"{slot,4}: {local} 00000000:0000 {state} 00000000:00000000 00:00000000 00000000  1000        0 31337 1 0000000000000000 100 0 0 10 0\n";

    private static string Tcp6(string local, string state = "0A", int slot = 0) =>
        $"{slot,4}: {local} 00000000000000000000000000000000:0000 {state} 00000000:00000000 00:00000000 00000000  1000        0 31339 1 0000000000000000 100 0 0 10 0\n";

    [Fact]
    public void The_kernels_own_table_shows_a_socket_this_process_listens_on()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;

        var sockets = ProcNetTcp.Parse(File.ReadAllText("/proc/self/net/tcp") + File.ReadAllText("/proc/self/net/tcp6"));

        Assert.Contains(new ListeningSocket(IPAddress.Loopback, port), sockets);
    }

    [Ipv6Fact]
    public void The_kernels_own_tcp6_table_shows_a_dual_stack_wildcard_and_an_ipv6_loopback_listener()
    {
        using var any = new TcpListener(IPAddress.IPv6Any, 0);
        any.Server.DualMode = true;
        any.Start();
        using var loopback = new TcpListener(IPAddress.IPv6Loopback, 0);
        loopback.Start();

        var sockets = ProcNetTcp.Parse(File.ReadAllText("/proc/self/net/tcp") + File.ReadAllText("/proc/self/net/tcp6"));

        Assert.Contains(new ListeningSocket(IPAddress.IPv6Any, ((IPEndPoint)any.LocalEndpoint).Port), sockets);
        Assert.Contains(new ListeningSocket(IPAddress.IPv6Loopback, ((IPEndPoint)loopback.LocalEndpoint).Port), sockets);
    }

    [Theory]
    [InlineData("0100007F:2382", "127.0.0.1", 9090)]
    [InlineData("00000000:1F90", "0.0.0.0", 8080)]
    [InlineData("0700000A:2382", "10.0.0.7", 9090)]
    [InlineData("1500F40A:4E20", "10.244.0.21", 20000)]
    public void An_ipv4_address_is_read_as_its_bytes_in_host_order(string local, string address, int port) =>
        Assert.Equal([new ListeningSocket(IPAddress.Parse(address), port)], ProcNetTcp.Parse(TcpHeader + Tcp(local)));

    [Theory]
    [InlineData("00000000000000000000000000000000:2382", "::")]
    [InlineData("00000000000000000000000001000000:2382", "::1")]
    [InlineData("0000000000000000FFFF00000100007F:2382", "::ffff:127.0.0.1")]
    [InlineData("B80D0120000000000000000001000000:2382", "2001:db8::1")]
    public void An_ipv6_address_is_read_as_four_words_each_in_host_order(string local, string address) =>
        Assert.Equal([new ListeningSocket(IPAddress.Parse(address), 9090)], ProcNetTcp.Parse(Tcp6Header + Tcp6(local)));

    [Fact]
    public void Both_tables_concatenated_give_the_listening_sockets_of_both_and_skip_other_states()
    {
        var text = TcpHeader + Tcp("0100007F:4A38") + Tcp("0100007F:2382", state: "01", slot: 1) + Tcp("00000000:4E20", slot: 2)
            + Tcp6Header + Tcp6("00000000000000000000000000000000:1F90") + Tcp6("00000000000000000000000001000000:2382", state: "06", slot: 1);

        var sockets = ProcNetTcp.Parse(text);

        Assert.Equal(
            [new(IPAddress.Loopback, 19000), new(IPAddress.Any, 20000), new ListeningSocket(IPAddress.IPv6Any, 8080)],
            sockets);
    }

    [Fact]
    public void Headers_alone_and_windows_line_ends_give_no_sockets()
    {
        Assert.Empty(ProcNetTcp.Parse(TcpHeader + Tcp6Header));
        Assert.Equal([new ListeningSocket(IPAddress.Any, 8080)], ProcNetTcp.Parse((TcpHeader + Tcp("00000000:1F90")).Replace("\n", "\r\n", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("   0: 0100007F 00000000:0000 0A")]
    [InlineData("   0: 0100007G:2382 00000000:0000 0A")]
    [InlineData("   0: 0100007F:2382 00000000:0000")]
    [InlineData("   0: 100007F:2382 00000000:0000 0A")]
    [InlineData("   0: 0100007F:12382 00000000:0000 0A")]
    [InlineData("0: 0100007F:2382 00000000:0000 ZZ")]
    [InlineData("x 0100007F:2382 00000000:0000 0A")]
    [InlineData("error: container not found")]
    public void A_malformed_line_is_an_error_naming_its_line_number_and_quoting_it(string line)
    {
        var error = Assert.Throws<FormatException>(() => ProcNetTcp.Parse(TcpHeader + Tcp("0100007F:4A38") + line + "\n"));

        Assert.StartsWith("Line 3 ", error.Message, StringComparison.Ordinal);
        Assert.Contains($"'{line}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_malformed_line_is_quoted_to_80_characters()
    {
        var line = "garbage " + new string('x', 200);

        var error = Assert.Throws<FormatException>(() => ProcNetTcp.Parse(line));

        Assert.StartsWith("Line 1 ", error.Message, StringComparison.Ordinal);
        Assert.Contains($"'{line[..80]}'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(line[..81], error.Message, StringComparison.Ordinal);
    }
}

/// <summary>A fact that needs IPv6 sockets: skipped, saying so, on a machine with IPv6 off (xunit 2 decides at discovery).</summary>
internal sealed class Ipv6FactAttribute : FactAttribute
{
    public Ipv6FactAttribute()
    {
        if (!Socket.OSSupportsIPv6)
            Skip = "IPv6 is off on this machine, so the kernel has no tcp6 table to read";
    }
}
