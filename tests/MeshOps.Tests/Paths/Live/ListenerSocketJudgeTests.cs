using System.Net;
using MeshOps.Paths;
using MeshOps.Paths.Live;

namespace MeshOps.Tests.Paths.Live;

public sealed class ListenerSocketJudgeTests
{
    private const string Pod = "products-api-7d9f-abcde";

    private static readonly ListeningSocket[] Envoy =
    [
        new(IPAddress.Loopback, 19000),
        new(IPAddress.Any, 20000),
        new(IPAddress.Any, 15001),
    ];

    private static ListenerData Probe(params ListeningSocket[] app) =>
        new("default", Pod, "products-api", "10.244.0.7", 9090, [.. app, .. Envoy]);

    private static ListeningSocket On(string address, int port = 9090) => new(IPAddress.Parse(address), port);

    [Fact]
    public void Outside_the_mesh_a_bind_on_the_pod_ip_passes_since_callers_dial_it_directly()
    {
        var judgement = ListenerSocketJudge.Judge(Probe(On("10.244.0.7")) with { HasSidecar = false });

        Assert.Equal(PathHopStatus.Pass, judgement.Status);
        Assert.Contains("the pod has no sidecar", judgement.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Outside_the_mesh_a_loopback_bind_fails_since_no_sidecar_forwards_to_it()
    {
        var judgement = ListenerSocketJudge.Judge(Probe(On("127.0.0.1")) with { HasSidecar = false });

        Assert.Equal(PathHopStatus.Fail, judgement.Status);
        Assert.Equal("products-api listens on 127.0.0.1:9090 only, and the pod has no sidecar", judgement.Summary);
        Assert.StartsWith("bind products-api to 0.0.0.0:9090", judgement.Fix, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("::")]
    public void A_wildcard_bind_on_the_target_port_passes(string address)
    {
        var judgement = ListenerSocketJudge.Judge(Probe(On(address)));

        Assert.Equal(PathHopStatus.Pass, judgement.Status);
        Assert.Contains(judgement.Evidence, e => e.StartsWith($"pod {Pod}: /proc/net/tcp", StringComparison.Ordinal) && e.EndsWith(":9090 LISTEN", StringComparison.Ordinal));
        Assert.DoesNotContain(judgement.Evidence, e => e.Contains("outside the mesh", StringComparison.Ordinal));
        Assert.Equal("", judgement.Fix);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::ffff:127.0.0.1")]
    public void A_loopback_bind_passes_for_mesh_callers_and_says_callers_outside_the_mesh_cannot_reach_it(string address)
    {
        var judgement = ListenerSocketJudge.Judge(Probe(On(address)));

        Assert.Equal(PathHopStatus.Pass, judgement.Status);
        Assert.Contains($"pod {Pod}: /proc/net/tcp", judgement.Evidence[0], StringComparison.Ordinal);
        Assert.Contains(judgement.Evidence, e => e.StartsWith($"pod {Pod}:", StringComparison.Ordinal)
            && e.Contains("callers outside the mesh (no sidecar) cannot reach it", StringComparison.Ordinal));
        Assert.Contains("mesh callers only", judgement.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bind_on_the_pod_ip_only_fails_because_the_sidecar_dials_loopback_and_is_refused()
    {
        var judgement = ListenerSocketJudge.Judge(Probe(On("10.244.0.7")));

        Assert.Equal(PathHopStatus.Fail, judgement.Status);
        Assert.Equal("products-api listens on 10.244.0.7:9090 only", judgement.Summary);
        Assert.Contains($"pod {Pod}: /proc/net/tcp: 10.244.0.7:9090 LISTEN (the pod IP)", judgement.Evidence);
        Assert.Contains(judgement.Evidence, e => e.StartsWith($"pod {Pod}:", StringComparison.Ordinal)
            && e.Contains("dials 127.0.0.1:9090", StringComparison.Ordinal) && e.Contains("delayed connect error: 111", StringComparison.Ordinal));
        Assert.Equal("bind products-api to 0.0.0.0:9090 (or 127.0.0.1:9090 to serve mesh callers only)", judgement.Fix);
    }

    [Fact]
    public void A_bind_on_another_non_loopback_address_fails_too()
    {
        var judgement = ListenerSocketJudge.Judge(Probe(On("10.200.0.7")));

        Assert.Equal(PathHopStatus.Fail, judgement.Status);
        Assert.Contains($"pod {Pod}: /proc/net/tcp: 10.200.0.7:9090 LISTEN", judgement.Evidence);
    }

    [Fact]
    public void A_bind_on_ipv6_loopback_only_fails_because_envoy_dials_ipv4_loopback()
    {
        var judgement = ListenerSocketJudge.Judge(Probe(On("::1")));

        Assert.Equal(PathHopStatus.Fail, judgement.Status);
        Assert.Equal("products-api listens on [::1]:9090 only", judgement.Summary);
        Assert.Contains($"pod {Pod}: /proc/net/tcp6: [::1]:9090 LISTEN", judgement.Evidence);
        Assert.EndsWith("(Envoy dials IPv4 127.0.0.1)", judgement.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void In_an_ipv6_pod_the_sidecar_dials_ipv6_loopback_so_it_passes_and_an_ipv4_wildcard_fails()
    {
        var v6 = new ListenerData("default", Pod, "products-api", "fd00::7", 9090, [On("::1")]);
        var v4 = v6 with { Sockets = [On("0.0.0.0")] };

        Assert.Equal(PathHopStatus.Pass, ListenerSocketJudge.Judge(v6).Status);
        Assert.Equal(PathHopStatus.Fail, ListenerSocketJudge.Judge(v4).Status);
        Assert.Contains("[::]:9090", ListenerSocketJudge.Judge(v4).Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_on_the_target_port_fails_naming_the_apps_other_ports_and_envoys_apart()
    {
        var judgement = ListenerSocketJudge.Judge(Probe(On("0.0.0.0", 8080)));

        Assert.Equal(PathHopStatus.Fail, judgement.Status);
        Assert.Equal("nothing listens on :9090; it listens on 8080 (and Envoy's own 15001, 19000, 20000)", judgement.Summary);
        Assert.Contains($"pod {Pod}: /proc/net/tcp: 127.0.0.1:19000 LISTEN (Envoy's)", judgement.Evidence);
        Assert.Contains($"pod {Pod}: /proc/net/tcp: 0.0.0.0:8080 LISTEN", judgement.Evidence);
        Assert.All(judgement.Evidence, e => Assert.StartsWith($"pod {Pod}: ", e, StringComparison.Ordinal));
        Assert.Contains("targetPort and the containerPort 8080", judgement.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_of_the_app_listening_says_only_envoy_listens()
    {
        var judgement = ListenerSocketJudge.Judge(Probe());

        Assert.Equal(PathHopStatus.Fail, judgement.Status);
        Assert.Equal("nothing listens on :9090; only Envoy's own ports listen (15001, 19000, 20000)", judgement.Summary);
        Assert.DoesNotContain("targetPort", judgement.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_table_fails_saying_nothing_listens_at_all()
    {
        var judgement = ListenerSocketJudge.Judge(new ListenerData("default", Pod, "products-api", "10.244.0.7", 9090, []));

        Assert.Equal(PathHopStatus.Fail, judgement.Status);
        Assert.Equal("nothing listens on :9090; nothing listens at all", judgement.Summary);
    }

    [Fact]
    public void A_socket_on_the_port_that_accepts_loopback_wins_over_one_on_the_pod_ip()
    {
        var judgement = ListenerSocketJudge.Judge(Probe(On("10.244.0.7"), On("127.0.0.1")));

        Assert.Equal(PathHopStatus.Pass, judgement.Status);
    }

    [Fact]
    public void The_confirm_command_reads_both_tables_in_the_pods_container()
    {
        var judgement = ListenerSocketJudge.Judge(Probe(On("0.0.0.0")));

        Assert.Equal($"kubectl exec -n default {Pod} -c products-api -- cat /proc/net/tcp /proc/net/tcp6", judgement.Confirm);
    }
}
