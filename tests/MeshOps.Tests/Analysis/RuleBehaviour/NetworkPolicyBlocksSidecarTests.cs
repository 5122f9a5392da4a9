using MeshOps.Analysis;
using MeshOps.Rules.Catalog;

namespace MeshOps.Tests.Analysis.RuleBehaviour;

/// <summary>
/// MESH504: the NetworkPolicies selecting a mesh pod, as Kubernetes unions them, must let the sidecar reach DNS and the
/// Consul servers, and let mesh callers reach the public listener on 20000.
/// </summary>
public class NetworkPolicyBlocksSidecarTests
{
    private const string Dns = "    - to:\n        - namespaceSelector:\n            matchLabels:\n              kubernetes.io/metadata.name: kube-system\n      ports:\n        - protocol: UDP\n          port: 53";

    private const string ConsulPorts = "    - to:\n        - namespaceSelector:\n            matchLabels:\n              kubernetes.io/metadata.name: consul\n      ports:\n        - port: 8502\n        - port: 8501";

    /// <summary>web calls api; both in the mesh with their Services.</summary>
    private static TestMesh WebCallsApi() =>
        new TestMesh().Service("web").Workload("web", env: ["API_URL=http://api:8080"]).Service("api").Workload("api");

    private static string Policy(string name, string podSelector, string body) =>
        $"apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: {name}\nspec:\n  podSelector: {podSelector}\n{body}";

    private static string Egress(params string[] rules) =>
        "  policyTypes:\n    - Egress\n  egress:" + (rules.Length == 0 ? " []" : "\n" + string.Join("\n", rules));

    private static IReadOnlyList<Finding> Mesh504(TestMesh mesh) => mesh.Analyze().Findings.Where(f => f.RuleId == "MESH504").ToList();

    [Fact]
    public void Egress_deny_all_is_reported_once_per_mesh_workload_on_the_policys_pod_selector()
    {
        var mesh = WebCallsApi().Raw(Policy("deny-egress", "{}", Egress()));

        var findings = Mesh504(mesh);

        Assert.Equal(2, findings.Count);
        Assert.All(findings, f => Assert.Equal((Severity.Error, mesh.LineOf("podSelector: {}")), (f.Severity, f.Line)));
        Assert.Contains("egress to DNS (UDP 53, kube-dns in kube-system; 5353 in openshift-dns), egress to the Consul servers' gRPC port 8502, egress to the Consul servers' HTTP API port 8500 (8501 with TLS)",
            findings[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dns_and_consul_ports_allowed_make_egress_fine()
    {
        var mesh = WebCallsApi().Raw(Policy("egress", "{}", Egress(Dns, ConsulPorts)));

        Assert.Empty(Mesh504(mesh));
    }

    [Fact]
    public void OpenShift_dns_on_5353_in_openshift_dns_is_dns()
    {
        // OpenShift's dns-default pods listen on 5353; NetworkPolicy sees that port after the Service's DNAT.
        var openShiftDns = Dns.Replace("kube-system", "openshift-dns", StringComparison.Ordinal).Replace("port: 53", "port: 5353", StringComparison.Ordinal);
        var elsewhere = Dns.Replace("kube-system", "monitoring", StringComparison.Ordinal);

        Assert.Empty(Mesh504(WebCallsApi().Raw(Policy("egress", "{}", Egress(openShiftDns, ConsulPorts)))));
        Assert.Contains("egress to DNS", Mesh504(WebCallsApi().Raw(Policy("egress", "{}", Egress(elsewhere, ConsulPorts))))[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Policies_selecting_one_pod_add_up()
    {
        var both = WebCallsApi().Raw(Policy("dns", "{}", Egress(Dns))).Raw(Policy("consul", "{}", Egress(ConsulPorts)));
        var dnsOnly = WebCallsApi().Raw(Policy("dns", "{}", Egress(Dns)));

        Assert.Empty(Mesh504(both));
        var finding = Mesh504(dnsOnly)[0];
        Assert.DoesNotContain("DNS", finding.Message, StringComparison.Ordinal);
        Assert.Contains("gRPC port 8502", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_egress_rule_allows_everything()
    {
        Assert.Empty(Mesh504(WebCallsApi().Raw(Policy("open", "{}", Egress("    - {}")))));
    }

    [Fact]
    public void A_rule_without_peers_allows_its_ports_to_everyone_and_a_port_range_covers_the_consul_ports()
    {
        var mesh = WebCallsApi().Raw(Policy("egress", "{}", Egress(
            "    - ports:\n        - protocol: UDP\n          port: 53",
            "    - ports:\n        - protocol: TCP\n          port: 8500\n          endPort: 8502")));

        Assert.Empty(Mesh504(mesh));
    }

    [Fact]
    public void Tcp_53_alone_does_not_resolve_names()
    {
        var mesh = WebCallsApi().Raw(Policy("egress", "{}", Egress(ConsulPorts, "    - ports:\n        - protocol: TCP\n          port: 53")));

        Assert.Contains("egress to DNS (UDP 53", Mesh504(mesh)[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pod_selector_alone_reaches_only_the_policys_namespace()
    {
        // kube-dns runs in kube-system; the Consul servers may run beside the app only as the chart labels them.
        var appPods = "    - to:\n        - podSelector:\n            matchLabels:\n              app: api\n      ports:\n        - protocol: UDP\n          port: 53\n        - port: 8502\n        - port: 8500";
        var consulPods = "    - to:\n        - podSelector:\n            matchLabels:\n              app: consul\n              component: server\n      ports:\n        - port: 8502\n        - port: 8500";

        var toApp = Mesh504(WebCallsApi().Raw(Policy("egress", "{}", Egress(appPods))))[0].Message;
        var toConsul = Mesh504(WebCallsApi().Raw(Policy("egress", "{}", Egress(Dns, consulPods))));

        Assert.Contains("egress to DNS", toApp, StringComparison.Ordinal);
        Assert.Contains("gRPC port 8502", toApp, StringComparison.Ordinal);
        Assert.Empty(toConsul);
    }

    [Fact]
    public void Without_policy_types_egress_is_restricted_only_when_egress_rules_are_written()
    {
        var withRules = Policy("egress", "{}", "  egress:\n" + Dns + "\n  ingress:\n    - {}");
        var withoutRules = Policy("egress", "{}", "  egress: []\n  ingress:\n    - {}");

        Assert.Contains("gRPC port 8502", Mesh504(WebCallsApi().Raw(withRules))[0].Message, StringComparison.Ordinal);
        Assert.Empty(Mesh504(WebCallsApi().Raw(withoutRules)));
    }

    [Fact]
    public void Ingress_without_port_20000_refuses_the_callers_of_a_called_pod_only()
    {
        var fromWeb = "  policyTypes:\n    - Ingress\n  ingress:\n    - from:\n        - podSelector:\n            matchLabels:\n              app: web\n      ports:\n        - port: 8080";
        var mesh = WebCallsApi().Raw(Policy("ingress", "{}", fromWeb));

        var finding = Assert.Single(Mesh504(mesh));

        Assert.Equal("NetworkPolicy/default/ingress", finding.Resource.ToString());
        Assert.Contains("of api (app=api)", finding.Message, StringComparison.Ordinal);
        Assert.Contains("ingress on TCP 20000", finding.Message, StringComparison.Ordinal);
        Assert.Contains("Mesh callers (web)", finding.Message, StringComparison.Ordinal);
        Assert.Empty(Mesh504(WebCallsApi().Raw(Policy("ingress", "{}", fromWeb.Replace("port: 8080", "port: 20000", StringComparison.Ordinal)))));
    }

    [Fact]
    public void An_allowing_intention_makes_a_pod_called_even_when_no_call_is_seen()
    {
        var denyIngress = Policy("deny-ingress", "{}", "  policyTypes:\n    - Ingress");
        var mesh = new TestMesh().Service("web").Workload("web").Service("api").Workload("api").Intention("api", ("web", "allow")).Raw(denyIngress);

        var finding = Assert.Single(Mesh504(mesh));

        Assert.Contains("of api", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_policy_selects_only_pods_of_its_namespace_that_its_selector_matches()
    {
        var otherNamespace = Policy("deny-egress", "{}", Egress()).Replace("  name: deny-egress", "  name: deny-egress\n  namespace: shop", StringComparison.Ordinal);
        var notApi = Policy("deny-egress", "\n    matchExpressions:\n      - key: app\n        operator: NotIn\n        values: [api]", Egress());

        Assert.Empty(Mesh504(WebCallsApi().Raw(otherNamespace)));
        Assert.Contains("of web (app=web)", Assert.Single(Mesh504(WebCallsApi().Raw(notApi))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pods_outside_the_mesh_are_not_judged()
    {
        var mesh = new TestMesh().Service("web").Workload("web", inMesh: false).Raw(Policy("deny-egress", "{}", Egress()));

        Assert.Empty(Mesh504(mesh));
    }
}
