using System.Text.Json.Nodes;
using MeshOps.Tests;

namespace MeshOps.Simulation.Envoy;

/// <summary>
/// The real Envoy admin answers the simulation is built from, read once from <c>../shared/reference/envoy-samples</c>
/// (never copied into the repository). A missing sample fails loudly, naming the file.
/// </summary>
internal static class EnvoySamples
{
    private static readonly Lazy<JsonObject> ConfigDumpSample = new(() => ReadJson("consul-k8s", "test_config_dump.json"));
    private static readonly Lazy<JsonObject> ClustersSample = new(() => ReadJson("consul-k8s", "test_clusters.json"));
    private static readonly Lazy<JsonObject> CertsSample = new(() => ReadJson("iKubernetes-servicemesh_in_practise", "certs-spire-web-server.json"));
    private static readonly Lazy<string> ServerStatsSample = new(() => ReadText("elastic-beats", "serverstats.txt"));
    private static readonly Lazy<string> PrometheusSample = new(() => ReadText("netdata-go.d.plugin", "consul-dataplane.prometheus.txt"));

    /// <summary>consul-k8s's config dump of a sidecar (Envoy 1.22, transparent proxy), a fresh copy.</summary>
    public static JsonObject ConfigDump => (JsonObject)ConfigDumpSample.Value.DeepClone();

    /// <summary>consul-k8s's <c>/clusters?format=json</c> of the same sidecar, a fresh copy.</summary>
    public static JsonObject Clusters => (JsonObject)ClustersSample.Value.DeepClone();

    /// <summary>A real <c>/certs</c> answer (SDS, SPIFFE SANs), a fresh copy.</summary>
    public static JsonObject Certs => (JsonObject)CertsSample.Value.DeepClone();

    /// <summary>A real full <c>/stats</c> text dump of the server-wide stats (no clusters).</summary>
    public static string ServerStats => ServerStatsSample.Value;

    /// <summary>consul-dataplane's merged Prometheus page: the real stat families of a Consul sidecar and their types.</summary>
    public static string Prometheus => PrometheusSample.Value;

    private static JsonObject ReadJson(params string[] parts) =>
        JsonNode.Parse(ReadText(parts)) as JsonObject ?? throw new InvalidOperationException($"The Envoy sample {Path.Combine(parts)} is not a JSON object.");

    private static string ReadText(params string[] parts)
    {
        var path = ReferenceData.Path(["envoy-samples", .. parts]);
        if (!File.Exists(path))
            throw new FileNotFoundException($"The Envoy sample {path} is missing; the simulated Envoy admin is built from it.", path);
        return File.ReadAllText(path);
    }
}
