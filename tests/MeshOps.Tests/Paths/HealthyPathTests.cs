using MeshOps.Paths;

namespace MeshOps.Tests.Paths;

public class HealthyPathTests
{
    /// <summary>Every call the model finds between two Services, by the caller's and the callee's names.</summary>
    internal static IReadOnlyList<(string From, string To)> Calls(HashiCupsPaths paths) =>
        [.. paths.Model.Edges.Where(e => e.Target is not null).Select(e => (e.Source.Name, e.Target!.Name)).Distinct()];

    [Fact]
    public void Every_call_of_healthy_HashiCups_passes_with_no_root_cause()
    {
        var paths = HashiCupsPaths.Load();
        var calls = Calls(paths);

        Assert.Equal(5, calls.Count);
        Assert.All(calls, call =>
        {
            var trace = paths.Trace(call.From, call.To);
            Assert.True(trace.Passed, trace.Verdict);
            Assert.Null(trace.RootCause);
            Assert.Equal(Enum.GetValues<PathHopName>(), trace.Hops.Select(h => h.Name));
        });
    }

    [Fact]
    public void Catalog_and_Envoy_are_skipped_offline_and_say_why()
    {
        var trace = HashiCupsPaths.Load().Trace("public-api", "payments");

        foreach (var hop in new[] { trace[PathHopName.Catalog], trace[PathHopName.Envoy] })
        {
            Assert.Equal(PathHopStatus.Skipped, hop.Status);
            Assert.Contains(hop.Evidence, line => line.Contains("needs a live cluster", StringComparison.Ordinal));
            Assert.Contains("payments", hop.Confirm, StringComparison.Ordinal);
        }

        Assert.StartsWith("kubectl port-forward -n default deployment/public-api 19000:19000", trace[PathHopName.Envoy].Confirm, StringComparison.Ordinal);
    }

    [Fact]
    public void A_listener_whose_bind_address_is_not_written_is_unknown_not_pass()
    {
        var trace = HashiCupsPaths.Load().Trace("public-api", "payments");

        Assert.Equal(PathHopStatus.Unknown, trace[PathHopName.Listener].Status);
        Assert.Contains(trace[PathHopName.Listener].Evidence, line => line.Contains("no bind address", StringComparison.Ordinal));
        Assert.True(trace.Passed);
    }

    [Fact]
    public void A_listener_passes_on_the_bind_address_its_configuration_writes()
    {
        var listener = HashiCupsPaths.Load().Trace("public-api", "products-api")[PathHopName.Listener];

        Assert.Equal(PathHopStatus.Pass, listener.Status);
        Assert.Contains(listener.Evidence, line => line.Contains("products-api.yaml:", StringComparison.Ordinal) && line.Contains(":9090", StringComparison.Ordinal));
    }

    [Fact]
    public void The_listener_confirm_reads_the_kernel_socket_table_not_a_netstat_the_image_may_lack()
    {
        // postgres' image has no netstat; cat /proc/net/tcp works in any image with cat, and is what live mode reads.
        var listener = HashiCupsPaths.Load().Trace("products-api", "postgres")[PathHopName.Listener];

        Assert.Equal("kubectl exec -n default deployment/postgres -- cat /proc/net/tcp /proc/net/tcp6", listener.Confirm);
    }

    [Fact]
    public void A_passing_intention_hop_names_the_intention_that_matched_and_where()
    {
        var intention = HashiCupsPaths.Load().Trace("public-api", "payments")[PathHopName.Intention];

        Assert.Equal(PathHopStatus.Pass, intention.Status);
        Assert.Contains(intention.Evidence, line => line.Contains("intentions.yaml:", StringComparison.Ordinal) && line.Contains("matched", StringComparison.Ordinal) && line.Contains("allow", StringComparison.Ordinal));
        Assert.Equal("consul intention check public-api payments", intention.Confirm);
    }

    [Fact]
    public void A_pair_with_no_written_call_is_judged_by_the_intentions_deny_all()
    {
        // nginx never calls payments, and deny-all is the only intention that matches the pair.
        var trace = HashiCupsPaths.Load().Trace("nginx", "payments");

        Assert.Equal(PathHopName.Intention, trace.RootCause);
        Assert.Equal(["MESH201"], trace[PathHopName.Intention].RuleIds);
        Assert.Contains(trace[PathHopName.Name].Evidence, line => line.Contains("no call from", StringComparison.Ordinal));
    }

    [Fact]
    public void A_destination_that_names_no_service_fails_at_Name_with_the_nearest_names()
    {
        var trace = HashiCupsPaths.Load().Trace("products-api", "postgress");

        Assert.Equal(PathHopName.Name, trace.RootCause);
        Assert.False(trace.Passed);
        Assert.Contains(trace[PathHopName.Name].Evidence, line => line.Contains("nearest: postgres", StringComparison.Ordinal));
        Assert.Contains("did you mean 'postgres'", trace.Verdict, StringComparison.Ordinal);
        Assert.All(trace.Hops.SkipWhile(h => h.Name != PathHopName.ServicePort), h => Assert.Equal(PathHopStatus.Skipped, h.Status));
    }

    [Fact]
    public void A_source_that_names_nothing_fails_at_SourceWorkload()
    {
        var trace = HashiCupsPaths.Load().Trace("public-apj", "payments");

        Assert.Equal(PathHopName.SourceWorkload, trace.RootCause);
        Assert.Contains(trace[PathHopName.SourceWorkload].Evidence, line => line.Contains("public-api", StringComparison.Ordinal));
    }

    [Fact]
    public void Names_may_carry_their_namespace()
    {
        var trace = HashiCupsPaths.Load().Trace("public-api.default", "payments.default");

        Assert.True(trace.Passed, trace.Verdict);
        Assert.Equal("payments.default", trace.To);
        Assert.Equal(1800, trace.Port);
    }
}
