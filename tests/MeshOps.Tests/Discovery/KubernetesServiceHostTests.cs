using MeshOps.Discovery;

namespace MeshOps.Tests.Discovery;

public class KubernetesServiceHostTests
{
    [Theory]
    [InlineData("products-api", "products-api", null)]
    [InlineData("payments.shop", "payments", "shop")]
    [InlineData("payments.shop.svc", "payments", "shop")]
    [InlineData("payments.shop.svc.cluster.local", "payments", "shop")]
    [InlineData("payments.shop.svc.cluster.local.", "payments", "shop")]
    [InlineData("payments.shop.svc.corp.internal", "payments", "shop")]
    [InlineData("Products-API", "products-api", null)]
    public void Cluster_dns_names_split_into_service_and_namespace(string host, string service, string? ns)
    {
        Assert.Equal(new ServiceHostName(service, ns), KubernetesServiceHost.Split(host));
    }

    [Theory]
    [InlineData("api.example.com")]
    [InlineData("10.0.0.1")]
    [InlineData("localhost")]
    [InlineData("::1")]
    [InlineData("frontend_upstream")]
    [InlineData("payments.bad_ns")]
    [InlineData("")]
    public void Other_hosts_are_not_service_names(string host)
    {
        Assert.Null(KubernetesServiceHost.Split(host));
    }

    [Theory]
    [InlineData("localhost", true)]
    [InlineData("127.0.0.1", true)]
    [InlineData("127.1.2.3", true)]
    [InlineData("::1", true)]
    [InlineData("[::1]", true)]
    [InlineData("postgres", false)]
    [InlineData("0.0.0.0", false)]
    public void Loopback_detection(string host, bool expected)
    {
        Assert.Equal(expected, LoopbackHosts.IsLoopback(host));
    }
}
