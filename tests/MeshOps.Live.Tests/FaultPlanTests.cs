using MeshOps.Simulation.Faults;

namespace MeshOps.Live.Tests;

public sealed class FaultPlanTests
{
    [Fact]
    public void A_fault_with_a_count_applies_that_many_times_to_matching_paths_only()
    {
        var plan = new FaultPlan();
        plan.Add(new Fault(FaultKind.ServerError, "/v1/catalog", Times: 2));

        Assert.Null(plan.Take("/v1/status/leader"));
        Assert.Equal(FaultKind.ServerError, plan.Take("/v1/catalog/services")?.Kind);
        Assert.Equal(FaultKind.ServerError, plan.Take("/v1/catalog/service/web")?.Kind);
        Assert.Null(plan.Take("/v1/catalog/services"));
    }
}
