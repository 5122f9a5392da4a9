using System.Text.Json;
using System.Text.Json.Nodes;
using MeshOps.Envoy.Config;
using static MeshOps.Tests.Envoy.Config.ConfigSamples;

namespace MeshOps.Tests.Envoy.Config;

/// <summary>
/// A Consul ACL token planted where consul-k8s's bootstrap carries it (gRPC <c>initial_metadata</c>
/// <c>x-consul-token</c> to the xDS server) and in other credential places never reaches a summary or <c>-Raw</c>.
/// </summary>
public class ConfigDumpRedactionTests
{
    private const string Token = "5f2a1c9e-7b3d-4e8f-a6c0-d1b2e3f4a5b6";
    private const string Key = "-----BEGIN EC PRIVATE KEY-----MHcCAQEEIplanted";

    private static string Planted()
    {
        var node = JsonNode.Parse(ConsulK8s)!;
        var bootstrap = node["configs"]!.AsArray().Single(c => ((string)c!["@type"]!).EndsWith("BootstrapConfigDump", StringComparison.Ordinal))!["bootstrap"]!.AsObject();
        bootstrap["dynamic_resources"] = JsonNode.Parse("""
            {"ads_config":{"api_type":"DELTA_GRPC","grpc_services":[{"envoy_grpc":{"cluster_name":"local_agent"},
              "initial_metadata":[{"key":"x-consul-token","value":"TOKEN"}]}]}}
            """.Replace("TOKEN", Token, StringComparison.Ordinal));
        bootstrap["node"]!["metadata"]!["token"] = Token;
        var cluster = node["configs"]!.AsArray().Single(c => ((string)c!["@type"]!).EndsWith("ClustersConfigDump", StringComparison.Ordinal))!["static_clusters"]![0]!["cluster"]!.AsObject();
        cluster["transport_socket"]!["typed_config"]!["common_tls_context"]!["tls_certificates"] = JsonNode.Parse("""[{"private_key":{"inline_string":"KEY"}}]""".Replace("KEY", Key, StringComparison.Ordinal));
        cluster["request_headers_to_add"] = JsonNode.Parse("""[{"header":{"key":"Authorization","value":"Bearer TOKEN"}}]""".Replace("TOKEN", Token, StringComparison.Ordinal));
        return node.ToJsonString();
    }

    [Fact]
    public void A_planted_ACL_token_and_key_are_in_no_output_raw_or_typed()
    {
        Assert.Contains(Token, Planted(), StringComparison.Ordinal);

        var dump = Parse(Planted());

        Assert.DoesNotContain(Token, dump.RedactedJson, StringComparison.Ordinal);
        Assert.DoesNotContain("MHcCAQEEIplanted", dump.RedactedJson, StringComparison.Ordinal);
        var everything = JsonSerializer.Serialize(dump);
        Assert.DoesNotContain(Token, everything, StringComparison.Ordinal);
        Assert.Contains("\"key\": \"x-consul-token\"", dump.RedactedJson, StringComparison.Ordinal);
        Assert.Contains("\"value\": \"***\"", dump.RedactedJson, StringComparison.Ordinal);
        // What is no secret survives: the certificates Envoy prints, and its own "[redacted]" marks.
        Assert.Contains("-----BEGIN CERTIFICATE-----", dump.RedactedJson, StringComparison.Ordinal);
        Assert.Contains("[redacted]", dump.RedactedJson, StringComparison.Ordinal);
        Assert.Equal(5, dump.Clusters.Count);
    }

    [Fact]
    public void The_redacted_json_is_the_same_dump_apart_from_the_secrets()
    {
        var dump = Parse(ConsulK8s);

        var again = Parse(dump.RedactedJson);

        Assert.Equal(dump.Listeners.Select(l => l.Name), again.Listeners.Select(l => l.Name));
        Assert.Equal(dump.Intentions.Select(i => i.ToString()), again.Intentions.Select(i => i.ToString()));
        Assert.Equal(dump.RedactedJson, again.RedactedJson);
    }

    [Fact]
    public void Control_characters_in_names_are_escaped_in_summaries_and_kept_as_json_escapes_in_raw()
    {
        var json = """{"name":"evil\u001b[2J","filter_chains":[]}""";

        var dump = Parse(json);

        Assert.Equal("evil\\x1b[2J", Assert.Single(dump.Listeners).Name);
        Assert.DoesNotContain('\u001b', dump.RedactedJson);
    }
}
