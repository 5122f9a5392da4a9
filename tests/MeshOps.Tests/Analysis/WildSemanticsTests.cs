using MeshOps.Analysis;
using MeshOps.Rules.Catalog;
using MeshOps.Sources.Files;

namespace MeshOps.Tests.Analysis;

/// <summary>
/// The expert verdicts of ../shared/reference/wild/VERDICTS.md that turn on Consul's semantics (MESH101, MESH107, MESH205,
/// MESH502), each checked on the set the verdict was given for, read as VERDICTS reads it (one folder). Only these rules
/// are asserted, so a verdict of another rule changing elsewhere does not fail here.
/// </summary>
public class WildSemanticsTests
{
    private const string Peering = "panchal-ravi__consul-k8s-multi-cluster-peering/examples/applications";
    private const string ExternalServiceDemo = Peering + "/external-service-demo-default";
    private const string Fvoges = "fvoges__consul-k8s-transparent-proxy";
    private const string PermissiveMtls = "hashicorp-education__learn-consul-permissive-mtls";

    public static TheoryData<string, string, string, int> FalseFindings => new()
    {
        // The call is made through a Consul DNS name or by hand: configuration shows no call from the source at all.
        { "MESH205", Peering + "/grpc-demo", "service-intentions-backend.yml", 11 },
        { "MESH205", ExternalServiceDemo, "backend-service-intention.yml", 12 },
        { "MESH205", ExternalServiceDemo, "external-service-intention.yml", 10 },
        { "MESH205", ExternalServiceDemo, "external-service-intention.yml", 12 },
        { "MESH205", Fvoges, "intention.yaml", 9 },
        // A non-mesh pod whose app listens on the targetPort (LISTEN_ADDR 0.0.0.0:9090): kube-proxy delivers.
        { "MESH101", ExternalServiceDemo, "external-service.yml", 22 },
        // products-api is permissive (ServiceDefaults) and the Mesh entry allows it: its sidecar takes the plaintext call.
        { "MESH502", PermissiveMtls, "hashicups/public-api.yaml", 60 },
    };

    [Theory]
    [MemberData(nameof(FalseFindings))]
    public void A_finding_the_experts_judged_false_is_not_reported(string rule, string set, string file, int line)
    {
        Assert.DoesNotContain(Analyze(set).Findings, f => f.RuleId == rule && Is(f, set, file, line));
    }

    [Theory]
    [InlineData(Fvoges, "client.yaml", 35)]
    [InlineData(Peering + "/multi-port", "static-client.yaml", 36)]
    public void A_client_only_mesh_pod_that_nothing_calls_is_at_most_info(string set, string file, int line)
    {
        // The consul-k8s docs' static-client (curl + sleep, no containerPort): registered on port 0, which nothing dials.
        var finding = Analyze(set).Findings.SingleOrDefault(f => f.RuleId == "MESH107" && Is(f, set, file, line));

        Assert.True(finding is null || finding.Severity == Severity.Info, finding?.ToString());
    }

    [Fact]
    public void A_mesh_pod_that_listens_elsewhere_than_its_declared_port_is_an_error_that_names_the_real_mechanism()
    {
        // frontend declares containerPort 8080 but LISTEN_ADDR 0.0.0.0:9090: consul-k8s registers 8080 and Envoy forwards
        // inbound to 127.0.0.1:8080, where nothing listens. The Service's targetPort (9090) is not what breaks.
        var finding = Assert.Single(Analyze(ExternalServiceDemo).Findings, f => f.RuleId == "MESH101" && Is(f, ExternalServiceDemo, "frontend.yml", 11));

        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Contains("127.0.0.1:8080", finding.Message, StringComparison.Ordinal);
        Assert.Contains("0.0.0.0:9090", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("kube-proxy sends", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Permissive_mtls_without_the_mesh_flag_is_reported_as_refused_by_consul()
    {
        // The same set without mesh-config-entry.yaml: Consul refuses the permissive ServiceDefaults.
        var folder = ReferenceData.Path("wild", PermissiveMtls);
        // In kubectl's order: hashicups/products-api.yaml also writes ServiceDefaults products-api (http only), and the
        // permissive copy in k8s-yamls/ is applied after it, so it is the one the cluster keeps.
        var files = Directory.GetFiles(folder, "*.yaml", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith("mesh-config-entry.yaml", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

        var finding = Assert.Single(MeshAnalyzer.Analyze(ManifestLoader.LoadPaths(files.ToArray())).Findings, f => f.RuleId == "MESH502");

        Assert.Contains("allowEnablingPermissiveMutualTLS", finding.Message, StringComparison.Ordinal);
        Assert.Contains("refuses", finding.Message, StringComparison.Ordinal);
    }

    private static AnalysisReport Analyze(string set) => MeshAnalyzer.Analyze(ManifestLoader.LoadPaths([ReferenceData.Path("wild", set)]));

    private static bool Is(Finding finding, string set, string file, int line) =>
        finding.Line == line && Path.GetRelativePath(ReferenceData.Path("wild", set), finding.File).Replace('\\', '/') == file;
}
