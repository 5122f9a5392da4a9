using MeshOps.Discovery;
using MeshOps.Secrets;

namespace MeshOps.Tests.Discovery;

/// <summary>
/// The nginx scanner redacts a directive only when a credential can be in it (issue 10: "proxy_pass" holds "pass");
/// whatever it skips, the excerpt must be what redacting the whole directive gives.
/// </summary>
public class NginxExcerptRedactionTests
{
    [Theory]
    [InlineData("proxy_pass", "http://api:8080", false)]
    [InlineData("proxy_pass", "http://api:8080/v1?api_key=abcdef", true)]
    [InlineData("proxy_pass", "http://api:8080/v1?token=abc123", true)]
    [InlineData("proxy_pass", "http://api:8080/v1?password=abc123&x=1", true)]
    [InlineData("proxy_pass", "http://api:8080/v1?Pass=abc", true)]
    [InlineData("grpc_pass", "grpc://g:9000/?token=xyz", true)]
    [InlineData("grpc_pass", "g:9000", false)]
    [InlineData("proxy_pass", ":pw", true)]
    [InlineData("proxy_pass", "=pw", true)]
    [InlineData("grpc_pass", ":pw", true)]
    public void Excerpt_is_the_redacted_directive(string directive, string target, bool masked)
    {
        var config = "upstream :pw { server a:1; } upstream =pw { server b:2; } server { location /l { " + directive + " " + target + "; } }";

        var endpoint = Assert.Single(NginxConfigScanner.Scan(config).Endpoints);

        var redacted = SecretRedactor.Redact(directive + " " + target + ";");
        Assert.Equal(redacted, endpoint.Excerpt.Split(" -> ")[0]);
        Assert.Equal(masked, endpoint.Excerpt.Contains(SecretRedactor.Mask, StringComparison.Ordinal));
    }
}
