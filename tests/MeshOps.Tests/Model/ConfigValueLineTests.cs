using System.Text.RegularExpressions;
using MeshOps.Tests.Analysis;

namespace MeshOps.Tests.Model;

/// <summary>
/// A call found in a file held by a ConfigMap key is reported on the line of the file it is written on: the line the
/// scanner read it on, or, where it reads a whole document (JSON), the line its text is found on.
/// </summary>
public partial class ConfigValueLineTests
{
    [Fact]
    public void Two_keys_naming_one_url_are_each_on_their_own_line()
    {
        var mesh = Mounted("app.properties", """
            # upstreams
            primary.url=http://inventory:8080/api
            replica.url=http://inventory:8080/api
            """);

        Assert.Equal([mesh.LineOf("primary.url"), mesh.LineOf("replica.url")], CalledLines(mesh, "inventory"));
    }

    [Fact]
    public void Masked_passwords_before_a_call_do_not_move_it_to_the_key()
    {
        var mesh = Mounted("app.properties", """
            A_URL=postgres://app:one1@alpha:5432/a
            B_URL=postgres://app:two2@bravo:5432/b
            C_URL=postgres://app:three3@charlie:5432/c
            D_URL=postgres://app:four4@delta:5432/d
            PAYMENTS_URL=http://payments-v2:8080
            """);

        Assert.Equal([mesh.LineOf("delta:5432")], CalledLines(mesh, "delta"));
        Assert.Equal([mesh.LineOf("PAYMENTS_URL")], CalledLines(mesh, "payments-v2"));
    }

    [Fact]
    public void Nginx_upstream_servers_are_on_their_server_lines_and_a_commented_directive_is_not_a_call()
    {
        var mesh = Mounted("nginx.conf", """
            upstream backend {
              server alpha:9000;
              server beta:9000;
            }
            server {
              listen 80;
              # proxy_pass http://auth:9000;
              location / { proxy_pass http://backend; }
              location /auth/ { proxy_pass http://auth:9000; }
            }
            """);

        Assert.Equal([mesh.LineOf("server alpha")], CalledLines(mesh, "alpha"));
        Assert.Equal([mesh.LineOf("server beta")], CalledLines(mesh, "beta"));
        Assert.Equal([mesh.LineOf("location /auth/")], CalledLines(mesh, "auth"));
    }

    [Fact]
    public void Json_values_are_found_on_their_lines_after_objects_whose_excerpt_is_rebuilt()
    {
        // A host/port object's excerpt is rebuilt as "host": …, "port": …, which these objects do not spell that way.
        var mesh = Mounted("config.json", """
            {
              "a": { "port": 5432, "host": "alpha" },
              "b": { "port": 5432, "host": "bravo" },
              "c": { "port": 5432, "host": "charlie" },
              "d": { "port": 5432, "host": "delta" },
              "e": { "port": 5432, "host": "echo" },
              "payments": "http://payments-v2:8080"
            }
            """);

        Assert.Equal([mesh.LineOf("\"payments\"")], CalledLines(mesh, "payments-v2"));
    }

    private static TestMesh Mounted(string key, string file) => new TestMesh().WorkloadWithConfigFile("web", key, file);

    // The lines of the MESH104 findings (no Service of that name) about calls to the host.
    private static int[] CalledLines(TestMesh mesh, string host) =>
        [.. mesh.Analyze().Findings
            .Where(f => f.RuleId == "MESH104" && CalledHost().Match(f.Message).Groups[1].Value == host)
            .Select(f => f.Line).Order()];

    [GeneratedRegex("calls '([^']+)'")]
    private static partial Regex CalledHost();
}
