using MeshOps.Paths;

namespace MeshOps.Tests.Paths;

public class PathHopDetailTests
{
    [Fact]
    public void An_info_finding_is_shown_on_its_hop_without_changing_the_verdict()
    {
        // MESH205 (Info): the payments intention allows a source that never calls it; public-api's call is still allowed.
        var intention = HashiCupsPaths.Load("MESH205-unused-intention").Trace("public-api", "payments")[PathHopName.Intention];

        Assert.Equal(PathHopStatus.Pass, intention.Status);
        Assert.Equal(["MESH205"], intention.RuleIds);
        Assert.Contains(intention.Evidence, line => line.Contains("MESH205 info", StringComparison.Ordinal));
    }

    [Fact]
    public void A_port_the_service_does_not_expose_leaves_the_service_port_unknown_with_the_ports_it_has()
    {
        var trace = HashiCupsPaths.Load().Trace("public-api", "payments", port: 9999);

        Assert.Equal(9999, trace.Port);
        Assert.Equal(PathHopStatus.Unknown, trace[PathHopName.ServicePort].Status);
        Assert.Contains(trace[PathHopName.ServicePort].Evidence, line => line.Contains("exposes no port 9999 (exposes 1800)", StringComparison.Ordinal));
    }

    [Fact]
    public void A_hop_escapes_terminal_controls_in_what_it_quotes()
    {
        var hop = new PathHop(PathHopName.Name, PathHopStatus.Fail, ["'\u001b[2Jx' names no service"], "fix \u001b[2J", "kubectl get svc \u001b[2J", []);

        Assert.DoesNotContain(hop.Evidence, line => line.Contains('\u001b', StringComparison.Ordinal));
        Assert.DoesNotContain("\u001b", hop.Fix, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b", hop.Confirm, StringComparison.Ordinal);
    }
}
