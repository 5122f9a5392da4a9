using MeshOps.Paths;
using MeshOps.Tests.Analysis;

namespace MeshOps.Tests.Paths;

/// <summary>
/// Each HashiCups fault that breaks a call: the trace of that call names the hop the fault breaks as its root cause,
/// decided by the fault's own rule. Faults that break no call leave every call passing.
/// </summary>
public class HashiCupsFaultPathTests
{
    public static TheoryData<string, string, string, PathHopName> BreakingFaults => new()
    {
        { "MESH101-payments-targetport", "public-api", "payments", PathHopName.ServicePort },
        { "MESH102-frontend-selector", "nginx", "frontend", PathHopName.DestinationWorkload },
        { "MESH103-products-api-loopback", "public-api", "products-api", PathHopName.Listener },
        { "MESH104-postgres-typo", "products-api", "postgres", PathHopName.Name },
        { "MESH105-payments-port", "public-api", "payments", PathHopName.ServicePort },
        { "MESH106-headless-payments", "public-api", "payments", PathHopName.ServicePort },
        { "MESH107-no-container-port", "public-api", "payments", PathHopName.Listener },
        { "MESH108-two-services", "public-api", "payments", PathHopName.DestinationWorkload },
        { "MESH109-worker-without-service", "payments-worker", "payments", PathHopName.SourceWorkload },
        { "MESH201-missing-intention", "public-api", "payments", PathHopName.Intention },
        { "MESH203-duplicate-source", "public-api", "products-api", PathHopName.Intention },
        { "MESH204-l7-on-tcp", "products-api", "postgres", PathHopName.Intention },
        { "MESH301-postgres-http", "products-api", "postgres", PathHopName.Protocol },
        { "MESH302-router-without-http", "public-api", "products-api", PathHopName.Protocol },
        { "MESH303-proxydefaults-http", "products-api", "postgres", PathHopName.Protocol },
        { "MESH401-missing-serviceaccount", "public-api", "payments", PathHopName.Identity },
        { "MESH402-automount-disabled", "public-api", "payments", PathHopName.Identity },
        { "MESH403-serviceaccount-name", "nginx", "frontend", PathHopName.Identity },
        { "MESH501-missing-configmap", "public-api", "products-api", PathHopName.DestinationWorkload },
        { "MESH502-payments-outside-mesh", "public-api", "payments", PathHopName.DestinationWorkload },
        { "MESH503-selector-mismatch", "public-api", "payments", PathHopName.DestinationWorkload },
        { "MESH504-payments-networkpolicy", "public-api", "payments", PathHopName.DestinationWorkload },
        { "MESH901-payments-crashloop", "public-api", "payments", PathHopName.DestinationWorkload },
        { "MESH902-products-api-sidecar", "public-api", "products-api", PathHopName.DestinationWorkload },
        { "MESH903-postgres-not-ready", "products-api", "postgres", PathHopName.ServicePort },
    };

    // MESH202 names a service no call reaches, MESH205 is Info, MESH206 and MESH601 weaken security without breaking a
    // call, MESH207's copy is refused while the copy the cluster keeps still decides, and MESH208's refused deny-all
    // leaves the ACL-less default, allow, to decide every call.
    private static readonly string[] Harmless =
    [
        "MESH202-stale-intention",
        "MESH205-unused-intention",
        "MESH206-no-deny-all",
        "MESH207-intention-renamed",
        "MESH208-namespace-on-ce",
        "MESH601-password-in-configmap",
    ];

    public static TheoryData<string> HarmlessFaults => new(Harmless);

    [Theory]
    [MemberData(nameof(BreakingFaults))]
    public void A_fault_that_breaks_a_call_is_the_root_cause_of_its_trace(string fault, string from, string to, PathHopName hop)
    {
        var trace = HashiCupsPaths.Load(fault).Trace(from, to);

        Assert.Equal(hop, trace.RootCause);
        Assert.Contains(fault[..7], trace[hop].RuleIds);
        Assert.Contains(hop.ToString(), trace.Verdict, StringComparison.Ordinal);
        Assert.All(trace.Hops.TakeWhile(h => h.Name != hop), h => Assert.DoesNotContain(h.Status, new[] { PathHopStatus.Fail, PathHopStatus.Warn }));
    }

    [Theory]
    [MemberData(nameof(BreakingFaults))]
    public void The_root_cause_hop_says_where_and_how_to_fix_it(string fault, string from, string to, PathHopName hop)
    {
        var rootCause = HashiCupsPaths.Load(fault).Trace(from, to)[hop];

        Assert.Contains(rootCause.Evidence, line => line.Contains(".yaml:", StringComparison.Ordinal) && line.Contains(fault[..7], StringComparison.Ordinal));
        Assert.NotEmpty(rootCause.Fix);
        Assert.NotEmpty(rootCause.Confirm);
    }

    [Theory]
    [MemberData(nameof(HarmlessFaults))]
    public void A_fault_that_breaks_no_call_leaves_every_call_passing(string fault)
    {
        var paths = HashiCupsPaths.Load(fault);

        Assert.All(HealthyPathTests.Calls(paths), call => Assert.True(paths.Trace(call.From, call.To).Passed, call.ToString()));
    }

    [Fact]
    public void Every_seeded_fault_is_either_traced_or_said_to_break_no_call()
    {
        var listed = BreakingFaults.Select(row => (string)row[0]).Concat(Harmless);

        Assert.Equal(HashiCupsExample.FaultNames.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
    }
}
