using System.Text;
using MeshOps.Envoy;
using MeshOps.Envoy.Certificates;
using MeshOps.Envoy.Clusters;
using MeshOps.Envoy.Stats;
using MeshOps.Paths.Live;

namespace MeshOps.Tests.Paths.Live;

/// <summary>
/// What the Envoy hop judges, built from the real answers in ../shared/reference/envoy-samples read with the SDK's own
/// parsers: consul-k8s' /clusters of a sidecar calling <c>client</c> and <c>frontend</c>, a SPIRE sidecar's /certs (its
/// leaf is valid 03:47:50 to 04:48:00 on 2021-11-08), and stats as Envoy prints them for those clusters.
/// </summary>
internal static class EnvoyJudgeSamples
{
    public const string Upstream = "client";
    public const string UpstreamCluster = "client.default.dc1.internal.bc3815c2-1a0f-f3ff-a2e9-20d791f08d00.consul";

    /// <summary>Within the sample leaf's lifetime, before 90 % of it.</summary>
    public static readonly DateTimeOffset LeafValid = new(2021, 11, 8, 4, 0, 0, TimeSpan.Zero);

    /// <summary>The stats of a healthy sidecar (the counters the hop watches, at 0) in Envoy's /stats text format.</summary>
    public const string QuietStats =
        $"""
        cluster.{UpstreamCluster}.ssl.connection_error: 0
        cluster.{UpstreamCluster}.ssl.fail_verify_error: 0
        cluster.{UpstreamCluster}.upstream_cx_connect_fail: 0
        cluster.{UpstreamCluster}.upstream_cx_none_healthy: 0
        cluster.local_app.upstream_cx_connect_fail: 0
        cluster_manager.cds.update_rejected: 0
        connect_authzrbac.allowed: 7
        connect_authzrbac.denied: 0
        listener.10.244.1.7_20000.ssl.connection_error: 0
        listener_manager.lds.update_rejected: 0

        """;

    /// <summary>consul-dataplane start-up as logged in hashicorp/consul#15820 (an ordinary start, before its failure).</summary>
    public static readonly string[] OrdinaryLog =
    [
        "2022-12-16T16:42:38.990Z+00:00 [info] envoy.admin(15) admin address: 127.0.0.1:19000",
        "2022-12-16T16:42:39.036Z+00:00 [warning] envoy.main(15) there is no configured limit to the number of allowed active connections. Set a limit via the runtime key overload.global_downstream_max_connections",
        "2022-12-16T16:42:39.036Z+00:00 [info] envoy.main(15) starting main dispatch loop",
        "2022-12-16T16:42:39.591Z [INFO]  consul-dataplane.server-connection-manager: trying to connect to a Consul server",
        "2022-12-16T16:42:39.591Z [INFO]  consul-dataplane.server-connection-manager: current prioritized list of known Consul servers: addresses=[10.209.16.195:8502, 10.209.55.131:8502]",
    ];

    /// <summary>hashicorp/consul-k8s#1903: the server-connection-manager failing to reach the server.</summary>
    public const string ConsulUnreachableLine =
        "2023-02-14T13:45:31.103Z [ERROR] consul-server-connection-manager: connection error: error=\"failed to switch to Consul server \\\"172.26.1.58:8502\\\": target sub-connection is not ready (state=TRANSIENT_FAILURE)\"";

    public static IReadOnlyList<EnvoyCluster> Clusters(Func<string, string>? edit = null)
    {
        var path = ReferenceData.Path("envoy-samples", "consul-k8s", "test_clusters.json");
        var json = (edit ?? (s => s))(File.ReadAllText(path));
        return EnvoyClustersJsonParser.Parse(EnvoySource.ForPod("default", "frontend-1", 19000), Encoding.UTF8.GetBytes(json));
    }

    public static IReadOnlyList<EnvoyCertificate> Certificates(string pod)
    {
        var path = ReferenceData.Path("envoy-samples", "iKubernetes-servicemesh_in_practise", "certs-spire-web-server.json");
        return EnvoyCertificatesParser.Parse(EnvoySource.ForPod("default", pod, 19000), File.ReadAllBytes(path), LeafValid);
    }

    public static EnvoyStatsSamples Stats(string pod, string first, string? second = null) => new(
        Parse(pod, first), Parse(pod, second ?? first), TimeSpan.FromSeconds(2));

    /// <summary>The quiet stats with one counter set to <paramref name="value"/>.</summary>
    public static string With(string counter, int value) =>
        QuietStats.Contains(counter + ": ", StringComparison.Ordinal)
            ? string.Join('\n', QuietStats.Split('\n').Select(l => l.StartsWith(counter + ": ", StringComparison.Ordinal) ? $"{counter}: {value}" : l))
            : QuietStats + $"{counter}: {value}\n";

    public static EnvoySidecarData Sidecar(string pod, EnvoyStatsSamples? stats = null) => new(pod, "default")
    {
        Stats = EnvoyReading.Of(stats ?? Stats(pod, QuietStats)),
        Certificates = EnvoyReading.Of(Certificates(pod)),
        LogLines = EnvoyReading.Of<IReadOnlyList<string>>(OrdinaryLog),
    };

    /// <summary>A healthy path frontend-1 -> client-1: every check has data and nothing fails.</summary>
    public static EnvoyPathData Healthy() => new(
        Sidecar("frontend-1") with { Clusters = EnvoyReading.Of(Clusters()) },
        Upstream,
        EnvoyReading.Of(Sidecar("client-1")),
        LeafValid)
    { SourceService = "frontend" };

    private static IReadOnlyList<EnvoyStatistic> Parse(string pod, string text) =>
        EnvoyStatsParser.Parse(EnvoySource.ForPod("default", pod, 19000), Encoding.UTF8.GetBytes(text), EnvoyStatsFormat.Text, EnvoyStatisticType.Counter);
}
