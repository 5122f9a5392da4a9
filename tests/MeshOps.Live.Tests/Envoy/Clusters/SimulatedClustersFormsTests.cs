using System.Text;
using MeshOps.Envoy;
using MeshOps.Envoy.Certificates;
using MeshOps.Envoy.Clusters;
using MeshOps.Simulation.Envoy;

namespace MeshOps.Live.Tests.Envoy.Clusters;

/// <summary>The simulated sidecars' <c>/clusters</c> text and JSON (built from the real samples) read as the same objects.</summary>
public class SimulatedClustersFormsTests
{
    private static readonly EnvoySource Source = EnvoySource.ForPod("default", "frontend-7d9", 19000);

    private static EnvoyAdminData Frontend() =>
        new("frontend", "default", "frontend-7d9", "10.244.0.9")
        {
            Upstreams = [new EnvoyUpstream("public-api", Endpoints: 3, HealthyEndpoints: 1, ConnectFailures: 111), new EnvoyUpstream("product-api")],
        };

    [Fact]
    public void Text_and_json_of_a_simulated_sidecar_give_equal_clusters_with_failures_and_unhealthy_hosts()
    {
        var data = Frontend();
        var text = EnvoyClustersTextParser.Parse(Source, EnvoyClusters.Text(data));
        var json = EnvoyClustersJsonParser.Parse(Source, Encoding.UTF8.GetBytes(EnvoyClusters.Json(data).ToJsonString()));

        Assert.Equal(text, json);
        var api = text.Single(c => c.ConsulName.Reaches("public-api"));
        Assert.Equal((3, 1, 111UL), (api.HostCount, api.HealthyHostCount, api.CxConnectFail));
        Assert.All(api.Hosts.Where(h => !h.Healthy), h => Assert.Equal(EnvoyHostHealthFlags.FailedEdsHealth, h.HealthFlags));
    }

    [Fact]
    public void A_simulated_sidecars_certificates_name_its_spiffe_id_and_a_72_hour_leaf()
    {
        var data = Frontend();
        var certs = EnvoyCertificatesParser.Parse(Source, Encoding.UTF8.GetBytes(EnvoyServerInfo.Certs(data).ToJsonString()), DateTimeOffset.UtcNow);

        var leaves = certs.Where(c => c.Role == EnvoyCertificateRole.Leaf).ToArray();
        Assert.Equal(3, leaves.Length);
        Assert.All(leaves, l => Assert.Equal((data.SpiffeId("frontend"), "frontend", TimeSpan.FromHours(72)), (l.SpiffeId, l.Service, l.Lifetime)));
        Assert.All(certs, c => Assert.Equal(EnvoyCertificateStatus.Valid, c.Status));
    }
}
