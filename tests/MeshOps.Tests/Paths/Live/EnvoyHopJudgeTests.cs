using MeshOps.Paths;
using MeshOps.Paths.Live;
using static MeshOps.Tests.Paths.Live.EnvoyJudgeSamples;

namespace MeshOps.Tests.Paths.Live;

public class EnvoyHopJudgeTests
{
    private const string ConnectFail = $"cluster.{UpstreamCluster}.upstream_cx_connect_fail";

    [Fact]
    public void A_healthy_path_passes_with_the_upstream_cluster_as_evidence()
    {
        var verdict = EnvoyHopJudge.Judge(Healthy());

        Assert.Equal(PathHopStatus.Pass, verdict.Status);
        Assert.Contains($"pod default/frontend-1: /clusters: {UpstreamCluster}: 3/3 hosts healthy", verdict.Evidence);
        Assert.Contains(verdict.Evidence, e => e.StartsWith("pod default/client-1: /certs: leaf spiffe://magedu.com/web-server", StringComparison.Ordinal));
        Assert.Equal($"kubectl port-forward -n default pod/frontend-1 19000:19000 & curl -s localhost:19000/clusters | grep {Upstream}", verdict.Confirm);
    }

    [Fact]
    public void No_upstream_cluster_for_the_destination_fails()
    {
        var verdict = EnvoyHopJudge.Judge(Healthy() with { DestinationService = "payments" });

        Assert.Equal(PathHopStatus.Fail, verdict.Status);
        Assert.Equal("frontend-1's sidecar has no upstream cluster for payments", verdict.Summary);
        Assert.Contains("frontend -> payments", verdict.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void An_upstream_cluster_with_no_healthy_host_fails()
    {
        var data = Healthy();
        data = data with { Source = data.Source with { Clusters = EnvoyReading.Of(Clusters(json => json.Replace("\"HEALTHY\"", "\"UNHEALTHY\"", StringComparison.Ordinal))) } };

        var verdict = EnvoyHopJudge.Judge(data);

        Assert.Equal(PathHopStatus.Fail, verdict.Status);
        Assert.Equal("frontend-1's sidecar has no healthy endpoint of client (3 known, none healthy)", verdict.Summary);
    }

    [Fact]
    public void Connect_failures_rising_between_the_samples_fail_with_both_values()
    {
        var data = Healthy();
        data = data with { Source = data.Source with { Stats = EnvoyReading.Of(Stats("frontend-1", With(ConnectFail, 12), With(ConnectFail, 15))) } };

        var verdict = EnvoyHopJudge.Judge(data);

        Assert.Equal(PathHopStatus.Fail, verdict.Status);
        Assert.Equal($"frontend-1's sidecar is failing to connect to client ({ConnectFail} 12 -> 15 in 2 s)", verdict.Summary);
        Assert.StartsWith("kubectl port-forward -n default pod/frontend-1 19000:19000 & curl -sG localhost:19000/stats --data-urlencode 'filter=", verdict.Confirm, StringComparison.Ordinal);
    }

    [Fact]
    public void Connect_failures_rising_with_TLS_failures_are_judged_a_TLS_failure()
    {
        // Envoy counts a connection as made only after its handshake (ssl_socket.cc), so a refused certificate raises
        // upstream_cx_connect_fail as well: the ssl.* counter says why, and the fix is certificates, not pods.
        var ssl = $"cluster.{UpstreamCluster}.ssl.fail_verify_error";
        var data = Healthy();
        data = data with { Source = data.Source with { Stats = EnvoyReading.Of(Stats("frontend-1", With(ConnectFail, 12) + $"{ssl}: 0\n", With(ConnectFail, 15) + $"{ssl}: 3\n")) } };

        var verdict = EnvoyHopJudge.Judge(data);

        Assert.Equal(PathHopStatus.Fail, verdict.Status);
        Assert.StartsWith("TLS handshakes from frontend-1's sidecar to client are failing", verdict.Summary, StringComparison.Ordinal);
        Assert.Contains(verdict.Evidence, e => e.Contains(ConnectFail, StringComparison.Ordinal));
    }

    [Fact]
    public void Connect_failures_that_did_not_move_are_history_and_pass()
    {
        var data = Healthy();
        data = data with { Source = data.Source with { Stats = EnvoyReading.Of(Stats("frontend-1", With(ConnectFail, 12))) } };

        var verdict = EnvoyHopJudge.Judge(data);

        Assert.Equal(PathHopStatus.Pass, verdict.Status);
        Assert.Contains($"pod default/frontend-1: /stats: {ConnectFail} 12, not rising", verdict.Evidence);
    }

    [Theory]
    [InlineData("upstream_cx_none_healthy", "finds no healthy host of client")]
    [InlineData("ssl.fail_verify_error", "TLS handshakes from frontend-1's sidecar to client are failing")]
    public void Other_upstream_failures_rising_fail(string counter, string summary)
    {
        var name = $"cluster.{UpstreamCluster}.{counter}";
        var data = Healthy();
        data = data with { Source = data.Source with { Stats = EnvoyReading.Of(Stats("frontend-1", With(name, 0), With(name, 3))) } };

        var verdict = EnvoyHopJudge.Judge(data);

        Assert.Equal(PathHopStatus.Fail, verdict.Status);
        Assert.Contains(summary, verdict.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void The_destination_sidecar_failing_to_reach_its_app_fails_and_points_at_the_listener()
    {
        var data = Destination(Stats("client-1", With("cluster.local_app.upstream_cx_connect_fail", 3), With("cluster.local_app.upstream_cx_connect_fail", 9)));

        var verdict = EnvoyHopJudge.Judge(data);

        Assert.Equal(PathHopStatus.Fail, verdict.Status);
        Assert.Equal("client-1's sidecar is failing to connect to its app (cluster.local_app.upstream_cx_connect_fail 3 -> 9 in 2 s)", verdict.Summary);
        Assert.Contains("Listener hop", verdict.Fix, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("connect_authzrbac.denied")]
    [InlineData("connect_authz.rbac.denied")]
    [InlineData("http.public_listener.rbac.denied")]
    public void Rbac_denials_rising_at_the_destination_warn_since_the_counter_does_not_name_the_caller(string counter)
    {
        var verdict = EnvoyHopJudge.Judge(Destination(Stats("client-1", With(counter, 1), With(counter, 4))));

        // Another service's denied caller rises the same counter: a healthy, allowed path must not fail on it.
        Assert.Equal(PathHopStatus.Warn, verdict.Status);
        Assert.Equal($"intentions are denying some caller at client-1 ({counter} 1 -> 4 in 2 s; the counter does not say which)", verdict.Summary);
        Assert.Contains("allow frontend -> client", verdict.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Confirm_commands_forward_the_pods_own_admin_port()
    {
        var healthy = Healthy();

        var verdict = EnvoyHopJudge.Judge(healthy with { Source = healthy.Source with { AdminPort = 15000 } });

        Assert.StartsWith("kubectl port-forward -n default pod/frontend-1 19000:15000 & curl -s localhost:19000/", verdict.Confirm, StringComparison.Ordinal);
    }

    [Fact]
    public void An_expired_certificate_fails()
    {
        var verdict = EnvoyHopJudge.Judge(Healthy() with { Now = LeafValid.AddHours(1) });

        Assert.Equal(PathHopStatus.Fail, verdict.Status);
        Assert.Equal("frontend-1's leaf certificate has expired", verdict.Summary);
        Assert.EndsWith("curl -s localhost:19000/certs", verdict.Confirm, StringComparison.Ordinal);
    }

    [Fact]
    public void A_certificate_past_its_renewal_time_warns()
    {
        var verdict = EnvoyHopJudge.Judge(Healthy() with { Now = LeafValid.AddMinutes(45) });

        Assert.Equal(PathHopStatus.Warn, verdict.Status);
        Assert.Equal("frontend-1's leaf certificate is past 90 % of its lifetime and not renewed", verdict.Summary);
    }

    [Fact]
    public void Rejected_configuration_warns_even_when_it_did_not_rise()
    {
        var verdict = EnvoyHopJudge.Judge(Destination(Stats("client-1", With("cluster_manager.cds.update_rejected", 2))));

        Assert.Equal(PathHopStatus.Warn, verdict.Status);
        Assert.Equal("client-1's Envoy rejected configuration from Consul (cluster_manager.cds.update_rejected 2, not rising)", verdict.Summary);
    }

    [Fact]
    public void A_sidecar_log_saying_consul_is_unreachable_fails_quoting_the_line()
    {
        var data = Healthy();
        data = data with { Source = data.Source with { LogLines = EnvoyReading.Of<IReadOnlyList<string>>([.. OrdinaryLog, ConsulUnreachableLine]) } };

        var verdict = EnvoyHopJudge.Judge(data);

        Assert.Equal(PathHopStatus.Fail, verdict.Status);
        Assert.StartsWith("frontend-1's sidecar: consul-dataplane cannot reach a Consul server", verdict.Summary, StringComparison.Ordinal);
        Assert.Contains($"pod default/frontend-1: log: ConsulUnreachable x1, last: {ConsulUnreachableLine}", verdict.Evidence);
        Assert.Equal("kubectl logs -n default frontend-1 -c consul-dataplane --tail=200", verdict.Confirm);
    }

    [Fact]
    public void The_log_confirm_names_the_pods_own_sidecar_container_envoy_sidecar_before_consul_k8s_1_0()
    {
        var data = Healthy();
        data = data with { Source = data.Source with { LogContainer = "envoy-sidecar", LogLines = EnvoyReading.Of<IReadOnlyList<string>>([.. OrdinaryLog, ConsulUnreachableLine]) } };

        var verdict = EnvoyHopJudge.Judge(data);

        Assert.Equal("kubectl logs -n default frontend-1 -c envoy-sidecar --tail=200", verdict.Confirm);
    }

    [Fact]
    public void A_sidecar_that_connected_again_after_losing_consul_only_warns()
    {
        var data = Healthy();
        data = data with
        {
            Source = data.Source with
            {
                LogLines = EnvoyReading.Of<IReadOnlyList<string>>([ConsulUnreachableLine, "2022-11-21T19:09:52.384Z [INFO]  consul-dataplane.server-connection-manager: connected to Consul server: address=10.142.0.7:8502"]),
            },
        };

        var verdict = EnvoyHopJudge.Judge(data);

        Assert.Equal(PathHopStatus.Warn, verdict.Status);
        Assert.Equal("frontend-1's sidecar lost Consul and has connected again since", verdict.Summary);
    }

    [Fact]
    public void Upstream_clusters_not_read_is_unknown_with_the_reason_never_pass()
    {
        var data = Healthy();
        data = data with { Source = data.Source with { Clusters = EnvoyReading<IReadOnlyList<MeshOps.Envoy.Clusters.EnvoyCluster>>.Failed("port-forward refused") } };

        var verdict = EnvoyHopJudge.Judge(data);

        Assert.Equal(PathHopStatus.Unknown, verdict.Status);
        Assert.Equal("frontend-1's upstream clusters could not be read (port-forward refused)", verdict.Summary);
        Assert.Contains("pod default/frontend-1: /clusters not read: port-forward refused", verdict.Evidence);
    }

    [Fact]
    public void Nothing_read_at_all_is_unknown()
    {
        var data = new EnvoyPathData(new EnvoySidecarData("frontend-1", "default"), Upstream, EnvoyReading<EnvoySidecarData>.Failed("no pod of client runs"), LeafValid);

        var verdict = EnvoyHopJudge.Judge(data);

        Assert.Equal(PathHopStatus.Unknown, verdict.Status);
        Assert.StartsWith("neither sidecar could be read", verdict.Summary, StringComparison.Ordinal);
        Assert.Contains("destination client: no sidecar read: no pod of client runs", verdict.Evidence);
    }

    [Fact]
    public void A_missing_destination_does_not_hide_a_healthy_source_but_is_in_the_evidence()
    {
        var verdict = EnvoyHopJudge.Judge(Healthy() with { Destination = EnvoyReading<EnvoySidecarData>.Failed("no pod of client runs") });

        Assert.Equal(PathHopStatus.Pass, verdict.Status);
        Assert.Contains("destination client: no sidecar read: no pod of client runs", verdict.Evidence);
    }

    private static EnvoyPathData Destination(EnvoyStatsSamples stats)
    {
        var data = Healthy();
        return data with { Destination = EnvoyReading.Of(data.Destination.Value! with { Stats = EnvoyReading.Of(stats) }) };
    }
}
