using MeshOps.Discovery;
using MeshOps.Model;
using MeshOps.Secrets;
using MeshOps.Sources.Files;

namespace MeshOps.Tests.Secrets;

/// <summary>
/// Issue 10 cause 5: a password written with a raw '@' (RFC 3986 wants %40; many apps do not) split the authority at
/// its first '@', so the tail of the password became the host and the call to the real host was lost.
/// </summary>
public class RawAtInUserinfoTests
{
    private const string Url = "postgres://app:P@ssw0rd-Qm9z@postgres:5432/db";

    [Fact]
    public void The_host_follows_the_last_at_of_the_authority()
    {
        var endpoint = Assert.Single(EnvVarScanner.Scan("DATABASE_URL", Url).Endpoints);

        Assert.Equal(("postgres", 5432), (endpoint.Host, endpoint.Port));
        Assert.DoesNotContain("ssw0rd", endpoint.Excerpt, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_url_in_a_config_value_is_split_the_same_way()
    {
        var endpoint = Assert.Single(ConfigValueScanner.Scan($"db.url={Url}\n").Endpoints);

        Assert.Equal(("postgres", 5432), (endpoint.Host, endpoint.Port));
        Assert.DoesNotContain("ssw0rd", endpoint.Excerpt, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(Url, "postgres://app:***@postgres:5432/db")]
    [InlineData("redis://:a@b@c@redis:6379 mongodb://u:x@y@mongo/db", "redis://:***@redis:6379 mongodb://u:***@mongo/db")]
    public void The_whole_password_is_masked(string text, string expected)
    {
        Assert.Equal(expected, SecretRedactor.Redact(text));
    }

    [Fact]
    public void The_call_edge_goes_to_postgres_and_no_text_of_the_model_holds_the_password()
    {
        const string yaml = $"""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: api
            spec:
              selector:
                matchLabels:
                  app: api
              template:
                metadata:
                  labels:
                    app: api
                  annotations:
                    consul.hashicorp.com/connect-inject: "true"
                spec:
                  containers:
                    - name: api
                      image: api
                      env:
                        - name: DATABASE_URL
                          value: {Url}
            """;

        var model = MeshModelBuilder.Build(ManifestLoader.LoadText(yaml, "api.yaml"));

        var edge = Assert.Single(model.Edges);
        Assert.Equal(("postgres", 5432), (edge.TargetName, edge.Port));
        Assert.DoesNotContain("ssw0rd", edge.Excerpt, StringComparison.OrdinalIgnoreCase);
    }
}
