using System.Text;
using MeshOps.Envoy;
using MeshOps.Envoy.Certificates;

namespace MeshOps.Tests.Envoy.Certificates;

public class EnvoyCertificatesParserTests
{
    private static readonly EnvoySource Source = EnvoySource.ForPod("default", "web-6d9f7", 19000);
    private static readonly DateTimeOffset Issued = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A Consul sidecar's two SSL contexts: the Connect CA and a 72 h leaf, the second with an intermediate.</summary>
    private static readonly string ConsulCerts = $$"""
        {
         "certificates": [
          {
           "ca_cert": [
            { "path": "<inline>", "serial_number": "7", "subject_alt_names": [ { "uri": "spiffe://bc3815c2.consul" } ],
              "days_until_expiration": "3649", "valid_from": "2026-01-01T00:00:00Z", "expiration_time": "2036-01-01T00:00:00Z" }
           ],
           "cert_chain": [
            { "path": "<inline>", "serial_number": "2a", "subject_alt_names": [ { "uri": "spiffe://bc3815c2.consul/ns/default/dc/dc1/svc/web" }, { "dns": "web.service.consul" }, { "ip_address": "10.244.1.7" } ],
              "days_until_expiration": "2", "valid_from": "2026-12-01T00:00:00Z", "expiration_time": "2026-12-04T00:00:00Z" }
           ]
          },
          {
           "ca_cert": [],
           "cert_chain": [
            { "path": "default: <inline>", "serial_number": "2a", "subject_alt_names": [ { "uri": "spiffe://bc3815c2.consul/ap/finance/ns/team-a/dc/dc1/svc/web" } ],
              "days_until_expiration": "2", "valid_from": "2026-12-01T00:00:00Z", "expiration_time": "2026-12-04T00:00:00Z" },
            { "path": "<inline>", "serial_number": "8", "subject_alt_names": [ { "uri": "spiffe://bc3815c2.consul" } ],
              "days_until_expiration": "400", "valid_from": "2026-01-01T00:00:00Z", "expiration_time": "2028-01-01T00:00:00Z" }
           ]
          }
         ]
        }
        """;

    private static IReadOnlyList<EnvoyCertificate> Parse(string json, DateTimeOffset now) =>
        EnvoyCertificatesParser.Parse(Source, Encoding.UTF8.GetBytes(json), now);

    [Fact]
    public void Each_context_lists_its_ca_then_its_chain_with_spiffe_ids_and_other_sans()
    {
        var certs = Parse(ConsulCerts, Issued.AddHours(10));

        Assert.Equal(
            [(0, EnvoyCertificateRole.CertificateAuthority), (0, EnvoyCertificateRole.Leaf), (1, EnvoyCertificateRole.Leaf), (1, EnvoyCertificateRole.Intermediate)],
            certs.Select(c => (c.Context, c.Role)));
        var leaf = certs[1];
        Assert.Equal("spiffe://bc3815c2.consul/ns/default/dc/dc1/svc/web", leaf.SpiffeId);
        Assert.Equal(["URI:spiffe://bc3815c2.consul/ns/default/dc/dc1/svc/web", "DNS:web.service.consul", "IP:10.244.1.7"], leaf.SubjectAltNames);
        Assert.Equal("web", leaf.Service);
        Assert.Equal("web", certs[2].Service);
        Assert.Null(certs[0].Service);
        Assert.Equal(2L, leaf.DaysUntilExpiration);
        Assert.Equal(3649L, certs[0].DaysUntilExpiration);
        Assert.Equal(TimeSpan.FromHours(72), leaf.Lifetime);
        Assert.Equal(TimeSpan.FromHours(62), leaf.TimeToExpiry);
        Assert.Equal("web-6d9f7", leaf.Pod);
    }

    [Theory]
    [InlineData(10, EnvoyCertificateStatus.Valid)]
    [InlineData(60, EnvoyCertificateStatus.Valid)]
    [InlineData(64.7, EnvoyCertificateStatus.Valid)]
    [InlineData(64.9, EnvoyCertificateStatus.RenewalOverdue)]
    [InlineData(71.9, EnvoyCertificateStatus.RenewalOverdue)]
    [InlineData(72, EnvoyCertificateStatus.Expired)]
    [InlineData(500, EnvoyCertificateStatus.Expired)]
    [InlineData(-1, EnvoyCertificateStatus.NotYetValid)]
    public void A_72_hour_leaf_is_overdue_once_consul_should_have_renewed_it_at_90_percent(double hoursSinceIssue, EnvoyCertificateStatus status)
    {
        var leaf = Parse(ConsulCerts, Issued.AddHours(hoursSinceIssue))[1];

        Assert.Equal(status, leaf.Status);
    }

    [Fact]
    public void A_leaf_with_less_than_a_day_left_is_valid_although_envoy_says_zero_days()
    {
        var leaf = Parse(ConsulCerts, Issued.AddHours(50))[1];

        Assert.Equal(EnvoyCertificateStatus.Valid, leaf.Status);
        Assert.True(leaf.TimeToExpiry < TimeSpan.FromDays(1));
    }

    [Fact]
    public void No_tls_context_is_an_empty_answer_not_an_error() =>
        Assert.Empty(Parse("""{"certificates": []}""", Issued));

    [Theory]
    [InlineData("""{"certificates": [ {"ca_cert": [ {"valid_from": "yesterday"} ]} ]}""")]
    [InlineData("""{"certificates": [ {"cert_chain": [ {"days_until_expiration": "many"} ]} ]}""")]
    [InlineData("""{"certificates": [ {"cert_chain": [ """)]
    [InlineData("""{"cluster_statuses": []}""")]
    [InlineData("""[]""")]
    public void Json_that_is_not_envoys_certs_is_an_error(string json)
    {
        var error = Assert.Throws<EnvoyFormatException>(() => Parse(json, Issued));

        Assert.Contains("/certs", error.Message, StringComparison.Ordinal);
        Assert.Contains("web-6d9f7", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("certs-spire-web-server.json", "spiffe://magedu.com/web-server", 3)]
    [InlineData("certs-spire-echo-server.json", "spiffe://magedu.com/echo-server", 3)]
    public void The_spire_samples_parse_with_their_one_hour_leaves_expired_today(string file, string spiffeId, int count)
    {
        var path = ReferenceData.Path("envoy-samples", "iKubernetes-servicemesh_in_practise", file);
        var certs = EnvoyCertificatesParser.Parse(EnvoySource.ForFile(path), File.ReadAllBytes(path), new DateTimeOffset(2021, 11, 8, 4, 30, 0, TimeSpan.Zero));

        Assert.Equal(count, certs.Count);
        var leaf = certs.First(c => c.Role == EnvoyCertificateRole.Leaf);
        Assert.Equal(spiffeId, leaf.SpiffeId);
        Assert.Equal("<inline>", leaf.Path);
        Assert.Equal(0L, leaf.DaysUntilExpiration);
        Assert.Equal(TimeSpan.FromMinutes(60) + TimeSpan.FromSeconds(10), leaf.Lifetime);
        Assert.Equal(EnvoyCertificateStatus.Valid, leaf.Status);
        var ca = certs.First(c => c.Role == EnvoyCertificateRole.CertificateAuthority);
        Assert.Equal("magedu.com: <inline>", ca.Path);
        Assert.Equal("spiffe://magedu.com", ca.SpiffeId);
        Assert.All(EnvoyCertificatesParser.Parse(EnvoySource.ForFile(path), File.ReadAllBytes(path), DateTimeOffset.UtcNow),
            c => Assert.Equal(EnvoyCertificateStatus.Expired, c.Status));
    }
}
