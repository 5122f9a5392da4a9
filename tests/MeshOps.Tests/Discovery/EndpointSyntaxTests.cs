using MeshOps.Discovery;

namespace MeshOps.Tests.Discovery;

public class EndpointSyntaxTests
{
    [Theory]
    [InlineData("file://server/share/app.conf")]
    [InlineData("unix://run/app.sock")]
    [InlineData("unix-abstract://app-socket")]
    [InlineData("data://text/plain")]
    [InlineData("urn://isbn/123")]
    [InlineData("jar://lib/app.jar")]
    [InlineData("classpath://config/app.yml")]
    [InlineData("vault://secret/db")]
    [InlineData("FILE://server/share")]
    public void Non_network_schemes_are_not_calls(string text)
    {
        Assert.Empty(EndpointSyntax.Urls(text));
    }

    [Theory]
    [InlineData("http", 80)]
    [InlineData("https", 443)]
    [InlineData("ws", 80)]
    [InlineData("wss", 443)]
    [InlineData("grpcs", 443)]
    [InlineData("amqps", 5671)]
    [InlineData("ldap", 389)]
    [InlineData("ldaps", 636)]
    [InlineData("HTTPS", 443)]
    public void Web_schemes_imply_their_default_port(string scheme, int port)
    {
        Assert.Equal(port, EndpointSyntax.DefaultPort(scheme));

        var url = Assert.Single(EndpointSyntax.Urls(scheme + "://backend.shop/path"));
        Assert.Equal(scheme.ToLowerInvariant(), url.Scheme);
        Assert.Equal(new HostPort("backend.shop", port), Assert.Single(url.Hosts));
    }

    [Fact]
    public void No_scheme_or_plain_grpc_has_no_default_port()
    {
        Assert.Null(EndpointSyntax.DefaultPort(null));
        Assert.Null(EndpointSyntax.DefaultPort("grpc"));
    }

    [Fact]
    public void Dns_target_takes_the_host_from_the_first_path_segment()
    {
        var url = Assert.Single(EndpointSyntax.Urls("dns:///orders:50051/extra"));

        Assert.Equal("dns", url.Scheme);
        Assert.Equal(new HostPort("orders", 50051), Assert.Single(url.Hosts));
    }

    [Theory]
    [InlineData("see http:///local/path")]
    [InlineData("at http://12:30 today")]
    public void Url_without_a_plausible_host_is_not_reported(string text)
    {
        Assert.Empty(EndpointSyntax.Urls(text));
    }

    [Theory]
    [InlineData("api:80,,web:81")]
    [InlineData("api:80, web:81,")]
    public void Bare_host_port_list_ignores_empty_entries(string value)
    {
        Assert.Equal([new HostPort("api", 80), new HostPort("web", 81)], EndpointSyntax.BareHostPorts(value));
    }

    [Theory]
    [InlineData("api:80,web")]
    [InlineData("api:80,12:30")]
    [InlineData("api")]
    [InlineData("http://api:80")]
    public void Bare_host_port_list_needs_a_port_on_every_entry(string value)
    {
        Assert.Empty(EndpointSyntax.BareHostPorts(value));
    }

    [Theory]
    [InlineData("api:0")]
    [InlineData("api:65536")]
    [InlineData("api:99999")]
    [InlineData("12:30")]
    [InlineData("10.0.0:80")]
    [InlineData("-bad-:80")]
    public void Invalid_host_ports_are_rejected(string token)
    {
        Assert.False(EndpointSyntax.TryParseHostPort(token, out _));
    }

    [Theory]
    [InlineData("api:65535", "api", 65535)]
    [InlineData("10.0.0.5:1", "10.0.0.5", 1)]
    [InlineData("[::1]:8080", "::1", 8080)]
    public void Valid_host_ports_are_accepted(string token, string host, int port)
    {
        Assert.True(EndpointSyntax.TryParseHostPort(token, out var hostPort));
        Assert.Equal(new HostPort(host, port), hostPort);
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("65535", true)]
    [InlineData("0", false)]
    [InlineData("65536", false)]
    [InlineData("-1", false)]
    [InlineData("+80", false)]
    [InlineData("http", false)]
    public void Ports_run_from_1_to_65535(string text, bool valid)
    {
        Assert.Equal(valid, EndpointSyntax.TryParsePort(text, out _));
    }

    [Theory]
    [InlineData(":8080", true)]
    [InlineData("x8080", false)]
    [InlineData("18080", false)]
    [InlineData(":", false)]
    [InlineData(":0", false)]
    public void Hostless_port_needs_a_leading_colon(string value, bool expected)
    {
        Assert.Equal(expected, BindSyntax.IsHostlessPort(value));
    }

    [Theory]
    [InlineData("api")]
    [InlineData("-bad-:80")]
    [InlineData("12:30")]
    public void Bind_without_a_port_or_valid_host_is_rejected(string value)
    {
        Assert.False(BindSyntax.TryParse(value, bareNumberIsPort: true, out _, out _));
    }
}
