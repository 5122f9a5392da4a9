using MeshOps.Envoy;

namespace MeshOps.Tests.Envoy;

public class ConsulClusterNameTests
{
    private const string TrustDomain = "bc3815c2-1a0f-f3ff-a2e9-20d791f08d00.consul";

    [Fact]
    public void A_default_partition_upstream_from_the_consul_k8s_sample_is_decoded()
    {
        var name = ConsulClusterName.Parse($"frontend.default.dc1.internal.{TrustDomain}");

        Assert.Equal(EnvoyClusterRole.Upstream, name.Role);
        Assert.Equal(("frontend", "default", "default", "dc1", TrustDomain), (name.Service, name.Namespace, name.Partition, name.Datacenter, name.TrustDomain));
        Assert.Null(name.Subset);
        Assert.Null(name.Peer);
    }

    [Fact]
    public void A_subset_in_front_of_the_service_is_told_apart_from_the_service()
    {
        // The real HCP sample: subset v1 of service api in datacenter hcpc-cluster-presto.
        var name = ConsulClusterName.Parse("v1.api.default.hcpc-cluster-presto.internal.581aa194-4ae7-b07c-bca6-9475ad2164ef.consul");

        Assert.Equal(("v1", "api", "default", "hcpc-cluster-presto"), (name.Subset, name.Service, name.Namespace, name.Datacenter));
        Assert.Equal("581aa194-4ae7-b07c-bca6-9475ad2164ef.consul", name.TrustDomain);
    }

    [Theory]
    [InlineData("api.team-a.finance.dc2.internal-v1.td1.consul", null, "api", "team-a", "finance", "dc2")]
    [InlineData("canary.api.team-a.finance.dc2.internal-v1.td1.consul", "canary", "api", "team-a", "finance", "dc2")]
    public void A_non_default_partition_upstream_names_its_partition(string cluster, string? subset, string service, string ns, string partition, string dc)
    {
        var name = ConsulClusterName.Parse(cluster);

        Assert.Equal(EnvoyClusterRole.Upstream, name.Role);
        Assert.Equal((subset, service, ns, partition, dc), (name.Subset, name.Service, name.Namespace, name.Partition, name.Datacenter));
    }

    [Fact]
    public void A_peered_upstream_names_its_peer_and_no_datacenter()
    {
        var name = ConsulClusterName.Parse("s2.default.default.primary-to-alpha.external.td1.consul");

        Assert.Equal(EnvoyClusterRole.PeeredUpstream, name.Role);
        Assert.Equal(("s2", "default", "default", "primary-to-alpha"), (name.Service, name.Namespace, name.Partition, name.Peer));
        Assert.Null(name.Datacenter);
    }

    [Theory]
    [InlineData("failover-target~0", "failover-target~0~s2.default.dc1.internal.td1.consul")]
    [InlineData("dd412229", "dd412229~s2.default.secondary.internal.td1.consul")]
    [InlineData("passthrough", "passthrough~s2.default.dc1.internal.td1.consul")]
    public void A_tagged_name_keeps_its_tag_and_still_reaches_its_service(string prefix, string cluster)
    {
        var name = ConsulClusterName.Parse(cluster);

        Assert.Equal(prefix, name.Prefix);
        Assert.True(name.Reaches("s2"));
    }

    [Theory]
    [InlineData("local_app", EnvoyClusterRole.LocalApp)]
    [InlineData("local_agent", EnvoyClusterRole.ControlPlane)]
    [InlineData("consul-dataplane", EnvoyClusterRole.ControlPlane)]
    [InlineData("original-destination", EnvoyClusterRole.OriginalDestination)]
    [InlineData("prometheus_backend", EnvoyClusterRole.Telemetry)]
    [InlineData("outbound|9080||reviews.default.svc.cluster.local", EnvoyClusterRole.Other)]
    [InlineData("products-api", EnvoyClusterRole.Other)]
    [InlineData("a.b.internal.consul", EnvoyClusterRole.Other)]
    [InlineData("", EnvoyClusterRole.Other)]
    public void Fixed_and_foreign_names_get_their_role_and_no_service(string cluster, EnvoyClusterRole role)
    {
        var name = ConsulClusterName.Parse(cluster);

        Assert.Equal(role, name.Role);
        Assert.Null(name.Service);
        Assert.False(name.Reaches("products-api"));
    }

    [Fact]
    public void Reaches_matches_the_service_and_the_namespace_when_one_is_given()
    {
        var name = ConsulClusterName.Parse($"products-api.default.dc1.internal.{TrustDomain}");

        Assert.True(name.Reaches("products-api"));
        Assert.True(name.Reaches("products-api", "default"));
        Assert.False(name.Reaches("products-api", "team-a"));
        Assert.False(name.Reaches("products"));
    }
}
