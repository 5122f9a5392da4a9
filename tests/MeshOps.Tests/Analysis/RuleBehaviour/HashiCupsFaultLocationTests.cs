using MeshOps.Rules.Catalog;

namespace MeshOps.Tests.Analysis.RuleBehaviour;

/// <summary>
/// Pins where each seeded HashiCups fault is reported: rule, severity, file and line. Every line below was checked by
/// reading the fault's YAML; the quoted text is what that line holds, so a reader sees why the line is the right one.
/// </summary>
public class HashiCupsFaultLocationTests
{
    public static TheoryData<string, string, Severity, string, int, string> Expected => new()
    {
        { "MESH101-payments-targetport", "MESH101", Severity.Error, "payments.yaml", 19, "targetPort: payments-http" },
        { "MESH102-frontend-selector", "MESH102", Severity.Warning, "frontend.yaml", 10, "selector:" },
        { "MESH103-products-api-loopback", "MESH103", Severity.Warning, "products-api.yaml", 40, "\"bind_address\": \"127.0.0.1:9090\"" },
        { "MESH104-postgres-typo", "MESH104", Severity.Error, "products-api.yaml", 39, "host=postgress" },
        { "MESH105-payments-port", "MESH105", Severity.Warning, "public-api.yaml", 61, "value: \"http://payments:8080\"" },
        { "MESH106-headless-payments", "MESH106", Severity.Error, "public-api.yaml", 61, "value: \"http://payments:1800\"" },
        // A Warning: consul-k8s 2.0 registers the selecting Services' ports, and the manifests do not say which runs.
        { "MESH107-no-container-port", "MESH107", Severity.Warning, "payments.yaml", 51, "- name: payments" },
        { "MESH108-two-services", "MESH108", Severity.Error, "payments.yaml", 55, "labels:" },
        { "MESH109-worker-without-service", "MESH109", Severity.Error, "payments-worker.yaml", 22, "labels:" },
        { "MESH201-missing-intention", "MESH201", Severity.Error, "public-api.yaml", 61, "value: \"http://payments:1800\"" },
        { "MESH202-stale-intention", "MESH202", Severity.Warning, "intentions.yaml", 74, "name: inventory" },
        { "MESH203-duplicate-source", "MESH203", Severity.Error, "intentions.yaml", 45, "- name: public-api" },
        { "MESH204-l7-on-tcp", "MESH204", Severity.Error, "intentions.yaml", 66, "permissions:" },
        { "MESH205-unused-intention", "MESH205", Severity.Info, "intentions.yaml", 58, "- name: products-api" },
        // No line of its own: the finding is about what is absent, so it points at the first ServiceIntentions (line 1 is a comment).
        { "MESH206-no-deny-all", "MESH206", Severity.Warning, "intentions.yaml", 2, "apiVersion: consul.hashicorp.com/v1alpha1" },
        // The second definition of ServiceIntentions products-api, the one whose apply the webhook rejects.
        { "MESH207-intention-renamed", "MESH207", Severity.Error, "intentions.yaml", 51, "name: products-api" },
        // The first namespace field of the deny-all: the webhook names each, the finding points at the first.
        { "MESH208-namespace-on-ce", "MESH208", Severity.Error, "intentions.yaml", 11, "namespace: \"*\"" },
        { "MESH301-postgres-http", "MESH301", Severity.Error, "postgres.yaml", 29, "protocol: http" },
        // The ServiceRouter as a whole needs L7: it points at the router's first line (kind: ServiceRouter is line 95).
        { "MESH302-router-without-http", "MESH302", Severity.Error, "products-api.yaml", 94, "apiVersion: consul.hashicorp.com/v1alpha1" },
        { "MESH303-proxydefaults-http", "MESH303", Severity.Error, "postgres.yaml", 30, "protocol: http" },
        { "MESH401-missing-serviceaccount", "MESH401", Severity.Error, "payments.yaml", 43, "serviceAccountName: payments" },
        { "MESH402-automount-disabled", "MESH402", Severity.Error, "payments.yaml", 22, "automountServiceAccountToken: false" },
        { "MESH403-serviceaccount-name", "MESH403", Severity.Warning, "frontend.yaml", 49, "serviceAccountName: web" },
        { "MESH502-payments-outside-mesh", "MESH502", Severity.Warning, "public-api.yaml", 61, "value: \"http://payments:1800\"" },
        { "MESH503-selector-mismatch", "MESH503", Severity.Error, "payments.yaml", 39, "selector:" },
        { "MESH501-missing-configmap", "MESH501", Severity.Error, "products-api.yaml", 74, "name: db-config" },
        { "MESH504-payments-networkpolicy", "MESH504", Severity.Error, "networkpolicy.yaml", 9, "podSelector:" },
        // The credential sits in a block scalar; the finding points at the ConfigMap key that holds it.
        { "MESH601-password-in-configmap", "MESH601", Severity.Warning, "products-api.yaml", 37, "config: |" },
        // Runtime rules read status from a dump: each points at the container state or the not-ready addresses.
        { "MESH901-payments-crashloop", "MESH901", Severity.Error, "payments-pods.yaml", 65, "state:" },
        { "MESH902-products-api-sidecar", "MESH902", Severity.Error, "products-api-pods.yaml", 71, "state:" },
        { "MESH903-postgres-not-ready", "MESH903", Severity.Error, "postgres-endpoints.yaml", 10, "- notReadyAddresses:" },
    };

    [Theory]
    [MemberData(nameof(Expected))]
    public void Each_seeded_fault_is_reported_with_its_rule_severity_file_and_line(
        string fault, string ruleId, Severity severity, string file, int line, string lineText)
    {
        var finding = Assert.Single(HashiCupsExample.Analyze(fault).Findings);

        Assert.Equal((ruleId, severity, file, line), (finding.RuleId, finding.Severity, Path.GetFileName(finding.File), finding.Line));
        Assert.Contains(lineText, File.ReadAllLines(finding.File)[line - 1], StringComparison.Ordinal);
    }

    [Fact]
    public void Every_seeded_fault_has_a_row_in_the_location_table()
    {
        var pinned = Expected.Select(row => (string)row[0]);

        Assert.Equal(HashiCupsExample.FaultNames.Order(StringComparer.Ordinal), pinned.Order(StringComparer.Ordinal));
    }
}
