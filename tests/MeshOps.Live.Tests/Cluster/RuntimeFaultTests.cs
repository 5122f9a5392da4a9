using MeshOps.Simulation.Cluster;

namespace MeshOps.Live.Tests.Cluster;

public sealed class RuntimeFaultTests
{
    [Theory]
    [InlineData("crashloop:payments", RuntimeFaultKind.CrashLoopBackOff, "payments")]
    [InlineData("sidecar-not-ready:public-api", RuntimeFaultKind.SidecarNotReady, "public-api")]
    [InlineData("no-ready-endpoints:postgres", RuntimeFaultKind.NoReadyEndpoints, "postgres")]
    [InlineData("missing-from-catalog:frontend", RuntimeFaultKind.MissingFromCatalog, "frontend")]
    public void A_runtime_fault_is_written_kind_colon_service(string text, RuntimeFaultKind kind, string service) =>
        Assert.Equal(new RuntimeFault(kind, service), RuntimeFault.Parse(text));

    [Theory]
    [InlineData("crashloop", "kind:service")]
    [InlineData(":payments", "kind:service")]
    [InlineData("oom:payments", "Unknown runtime fault kind 'oom'")]
    public void A_malformed_runtime_fault_says_how_to_write_one(string text, string expected)
    {
        var error = Assert.Throws<FormatException>(() => RuntimeFault.Parse(text));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
