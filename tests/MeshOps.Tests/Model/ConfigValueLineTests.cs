using System.Text.RegularExpressions;
using MeshOps.Analysis;
using MeshOps.Sources.Files;

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
        var yaml = Mounted("app.properties", """
            # upstreams
            primary.url=http://inventory:8080/api
            replica.url=http://inventory:8080/api
            """);

        Assert.Equal([LineOf(yaml, "primary.url"), LineOf(yaml, "replica.url")], CalledLines(yaml, "inventory"));
    }

    [Fact]
    public void Masked_passwords_before_a_call_do_not_move_it_to_the_key()
    {
        var yaml = Mounted("app.properties", """
            A_URL=postgres://app:one1@alpha:5432/a
            B_URL=postgres://app:two2@bravo:5432/b
            C_URL=postgres://app:three3@charlie:5432/c
            D_URL=postgres://app:four4@delta:5432/d
            PAYMENTS_URL=http://payments-v2:8080
            """);

        Assert.Equal([LineOf(yaml, "delta:5432")], CalledLines(yaml, "delta"));
        Assert.Equal([LineOf(yaml, "PAYMENTS_URL")], CalledLines(yaml, "payments-v2"));
    }

    [Fact]
    public void Nginx_upstream_servers_are_on_their_server_lines_and_a_commented_directive_is_not_a_call()
    {
        var yaml = Mounted("nginx.conf", """
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

        Assert.Equal([LineOf(yaml, "server alpha")], CalledLines(yaml, "alpha"));
        Assert.Equal([LineOf(yaml, "server beta")], CalledLines(yaml, "beta"));
        Assert.Equal([LineOf(yaml, "location /auth/")], CalledLines(yaml, "auth"));
    }

    [Fact]
    public void Json_values_are_found_on_their_lines_after_objects_whose_excerpt_is_rebuilt()
    {
        // A host/port object's excerpt is rebuilt as "host": …, "port": …, which these objects do not spell that way.
        var yaml = Mounted("config.json", """
            {
              "a": { "port": 5432, "host": "alpha" },
              "b": { "port": 5432, "host": "bravo" },
              "c": { "port": 5432, "host": "charlie" },
              "d": { "port": 5432, "host": "delta" },
              "e": { "port": 5432, "host": "echo" },
              "payments": "http://payments-v2:8080"
            }
            """);

        Assert.Equal([LineOf(yaml, "\"payments\"")], CalledLines(yaml, "payments-v2"));
    }

    private static string Mounted(string key, string value) => $"""
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: web-config
        data:
          {key}: |
        {string.Join("\n", value.Split('\n').Select(line => "    " + line))}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          selector:
            matchLabels:
              app: web
          template:
            metadata:
              labels:
                app: web
              annotations:
                consul.hashicorp.com/connect-inject: "true"
            spec:
              containers:
                - name: web
                  image: example/web:1
                  volumeMounts:
                    - name: config
                      mountPath: /config
              volumes:
                - name: config
                  configMap:
                    name: web-config
        """;

    private static int LineOf(string yaml, string marker) => 1 + yaml[..yaml.IndexOf(marker, StringComparison.Ordinal)].Count(c => c == '\n');

    // The lines of the MESH104 findings (no Service of that name) about calls to the host.
    private static int[] CalledLines(string yaml, string host) =>
        [.. MeshAnalyzer.Analyze(ManifestLoader.LoadText(yaml, "web.yaml")).Findings
            .Where(f => f.RuleId == "MESH104" && CalledHost().Match(f.Message).Groups[1].Value == host)
            .Select(f => f.Line).Order()];

    [GeneratedRegex("calls '([^']+)'")]
    private static partial Regex CalledHost();
}
