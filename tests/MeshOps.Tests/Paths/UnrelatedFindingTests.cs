using MeshOps.Paths;

namespace MeshOps.Tests.Paths;

/// <summary>A finding concerns the paths through what it names: another service's finding leaves a path alone.</summary>
public class UnrelatedFindingTests
{
    [Theory]
    [InlineData("MESH101-payments-targetport", "public-api", "products-api")]
    [InlineData("MESH101-payments-targetport", "products-api", "postgres")]
    [InlineData("MESH301-postgres-http", "public-api", "payments")]
    [InlineData("MESH902-products-api-sidecar", "nginx", "frontend")]
    public void A_finding_on_another_service_does_not_touch_the_path(string fault, string from, string to)
    {
        var trace = HashiCupsPaths.Load(fault).Trace(from, to);

        Assert.True(trace.Passed, trace.Verdict);
        Assert.Null(trace.RootCause);
        Assert.All(trace.Hops, h => Assert.Empty(h.RuleIds));
    }

    [Fact]
    public void A_finding_at_one_call_of_the_source_does_not_touch_its_other_calls()
    {
        // MESH105 is reported on Deployment/public-api, at its call to payments; its call to products-api is fine.
        var trace = HashiCupsPaths.Load("MESH105-payments-port").Trace("public-api", "products-api");

        Assert.Null(trace.RootCause);
        Assert.All(trace.Hops, h => Assert.Empty(h.RuleIds));
    }

    [Fact]
    public void A_problem_of_the_source_workload_breaks_its_outgoing_calls_too()
    {
        var trace = HashiCupsPaths.Load("MESH902-products-api-sidecar").Trace("products-api", "postgres");

        Assert.Equal(PathHopName.SourceWorkload, trace.RootCause);
    }
}
