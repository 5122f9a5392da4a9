using MeshOps.Analysis;

namespace MeshOps.Tests.Analysis.RuleBehaviour;

/// <summary>
/// MESH201 says what the caller will see, and that depends on the destination's protocol: Envoy's network RBAC closes a
/// TCP connection without an answer, the HTTP one answers 403 (which transparent proxy never reaches: no route).
/// </summary>
public class DeniedCallConsequenceTests
{
    private static readonly AnalysisOptions AclsOn = new() { AclsEnabled = true };

    private static Finding DeniedCallTo(string protocol) =>
        Assert.Single(
            new TestMesh()
                .Service("web").Workload("web", env: ["API_URL=http://api:8080"])
                .Service("api").Workload("api")
                .Raw($"""
                    apiVersion: consul.hashicorp.com/v1alpha1
                    kind: ServiceDefaults
                    metadata:
                      name: api
                    spec:
                      protocol: {protocol}
                    """)
                .Analyze(AclsOn).Findings,
            f => f.RuleId == "MESH201");

    [Fact]
    public void A_denied_call_to_a_tcp_service_is_closed_without_an_answer()
    {
        var message = DeniedCallTo("tcp").Message;

        Assert.Contains("closes the connection without forwarding anything", message, StringComparison.Ordinal);
        Assert.DoesNotContain("403", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_denied_call_to_an_http_service_gets_403_through_an_explicit_upstream_and_no_route_with_transparent_proxy()
    {
        var message = DeniedCallTo("http").Message;

        Assert.Contains("403 'RBAC: access denied'", message, StringComparison.Ordinal);
        Assert.Contains("with transparent proxy the caller's sidecar has no route", message, StringComparison.Ordinal);
    }
}
