using MeshOps.Paths;

namespace MeshOps.Tests.Paths;

public class ServiceAddressTests
{
    [Theory]
    [InlineData("products-api", "products-api", null)]
    [InlineData("products-api.default", "products-api", "default")]
    [InlineData("products-api.default.svc", "products-api", "default")]
    [InlineData("products-api.default.svc.cluster.local", "products-api", "default")]
    [InlineData("products-api.default.svc.cluster.local.", "products-api", "default")]
    [InlineData(" products-api.shop.svc.example.internal ", "products-api", "shop")]
    public void A_service_is_written_as_a_name_a_name_and_namespace_or_the_dns_name_callers_dial(string written, string name, string? ns) =>
        Assert.Equal((name, ns), ServiceAddress.Split(written));

    [Fact]
    public void A_trace_to_the_dns_name_an_envoy_error_quotes_is_the_trace_to_the_service()
    {
        var paths = HashiCupsPaths.Load();

        var trace = paths.Trace("public-api.default.svc.cluster.local", "products-api.default.svc.cluster.local");

        Assert.True(trace.Passed, trace.Verdict);
        Assert.Equal(PathHopStatus.Pass, trace[PathHopName.Name].Status);
        Assert.Equal(paths.Trace("public-api", "products-api").Hops.Select(h => h.Status), trace.Hops.Select(h => h.Status));
    }
}
