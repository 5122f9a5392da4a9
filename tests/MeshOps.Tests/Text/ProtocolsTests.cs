using MeshOps.Rules.Text;

namespace MeshOps.Tests.Text;

public class ProtocolsTests
{
    [Theory]
    [InlineData("http", true)]
    [InlineData("http2", true)]
    [InlineData("grpc", true)]
    [InlineData("tcp", false)]
    [InlineData("HTTP", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Only_http_http2_and_grpc_are_L7(string? protocol, bool expected)
    {
        Assert.Equal(expected, Protocols.IsL7(protocol));
    }
}
