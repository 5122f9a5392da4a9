using MeshOps.Envoy.Config;
using static MeshOps.Tests.Envoy.Config.ConfigSamples;

namespace MeshOps.Tests.Envoy.Config;

/// <summary>
/// Envoy lists a listener's inline route configuration a second time under <c>static_route_configs</c> (consul-k8s's
/// real dump does, for <c>public_listener</c>). Both stay in <see cref="EnvoyConfigDump.RouteConfigurations"/>, where
/// each answers a different question, but a route is one route: Get-EnvoyRoute and the summary count it once.
/// </summary>
public class InlineRouteListingTests
{
    [Fact]
    public void A_listener_route_that_Envoy_also_lists_as_static_is_one_route()
    {
        var dump = Parse(ConsulK8s);

        Assert.Equal(2, dump.RouteConfigurations.Count(r => r.Name == "public_listener"));
        var route = Assert.Single(dump.Routes);
        Assert.Equal(("public_listener", "prefix /", "local_app"), (route.RouteConfiguration, route.Match, route.Target));
    }

    [Fact]
    public void A_static_route_answer_without_listeners_keeps_its_routes()
    {
        var dump = Parse(ConsulK8s, "static_route_configs");
        var staticOnly = dump with { Listeners = [], RouteConfigurations = [.. dump.RouteConfigurations.Where(r => r.Listener is null)] };

        Assert.Equal("local_app", Assert.Single(staticOnly.Routes).Target);
    }
}
