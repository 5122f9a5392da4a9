using MeshOps.Analysis;
using MeshOps.Sources;
using MeshOps.Sources.Files;

namespace MeshOps.Tests.Analysis;

/// <summary>
/// Runs the analyzer on the real, public Consul-on-Kubernetes manifests in ../shared/reference. Every finding there was
/// examined: false positives were fixed in the rules, and what remains is listed here as true, with the reason.
/// A set is one HashiCups variant, or one folder of consul-manifests (its own files, as the tutorial applies them).
/// Several folders are partial on purpose (a tutorial step that adds to an app deployed earlier); findings about what
/// the folder does not declare are true for that input, as `istioctl analyze` reports hosts it cannot see.
/// </summary>
public class ReferenceSetTests
{
    private static readonly Dictionary<string, string[]> Expected = new()
    {
        ["hashicups/setups-local-k8s"] =
        [
            // The jaeger-agent sidecar reports to jaeger-collector-headless.default:14250; no Jaeger is deployed in the set.
            "MESH104 Deployment/default/public-api k8s/public-api.yaml:81",
            // db_connection carries password=password in clear text.
            "MESH601 ConfigMap/default/db-configmap k8s/products-api.yaml:33",
        ],
        ["hashicups/getstarted-local"] =
        [
            "MESH601 ConfigMap/default/db-configmap hashicups/v1/product-api.yaml:40",
        ],
        ["hashicups/client-eks-l7"] =
        [
            // No deny-all intention, and config.yaml leaves ACLs at the chart default (off): every call is allowed.
            "MESH206 ConsulHelmValues/default/config.yaml config.yaml:4",
            // product-api may call payments, but the only upstream its configuration names is postgres (Info).
            "MESH205 ServiceIntentions/default/payments intentions.yaml:61",
            // frontend's nginx sends /api requests to public-api: its L7 intention may allow them (pathPrefix / with an
            // Authorization header), so no MESH201.
            // postgres runs with -c listen_addresses=127.0.0.1: only its sidecar can reach it.
            "MESH103 Deployment/default/postgres postgres.yaml:66",
            "MESH601 ConfigMap/default/db-configmap product-api.yaml:36",
            // PAYMENT_API_URI=http://payments:9090, but the payments Service exposes 8080.
            "MESH105 Deployment/default/public-api public-api.yaml:64",
        ],
        ["consul-manifests/learn-consul-canary-deployments/hashicups"] =
        [
            // The folder adds frontend-v2 to HashiCups deployed by an earlier step; its intentions name services declared there.
            "MESH206 ServiceIntentions/default/frontend intentions.yaml:2",
            "MESH202 ServiceIntentions/default/frontend intentions.yaml:10",
            "MESH202 ServiceIntentions/default/public-api intentions.yaml:19",
            "MESH202 ServiceIntentions/default/public-api intentions.yaml:21",
            "MESH202 ServiceIntentions/default/product-api intentions.yaml:30",
            "MESH202 ServiceIntentions/default/product-api intentions.yaml:32",
            "MESH202 ServiceIntentions/default/product-api-db intentions.yaml:41",
            "MESH202 ServiceIntentions/default/product-api-db intentions.yaml:43",
            "MESH202 ServiceIntentions/default/payments intentions.yaml:52",
            "MESH202 ServiceIntentions/default/payments intentions.yaml:54",
        ],
        ["consul-manifests/learn-consul-canary-deployments/k8s-yamls"] =
        [
            // Splitters need an L7 protocol; this folder has no ServiceDefaults for frontend. The two splitter files are
            // one object (ServiceSplitter frontend) in two versions: applied as a folder, the cluster keeps the later one.
            "MESH302 ServiceSplitter/default/frontend frontend-splitter-v2-only.yaml:1",
        ],
        ["consul-manifests/gitops-hashicups/application"] =
        [
            // The set of client-eks-l7 again: no deny-all, no ACLs, product-api allowed to call payments it never calls.
            "MESH206 ServiceIntentions/default/public-api intentions.yaml:2",
            "MESH205 ServiceIntentions/default/payments intentions.yaml:59",
            "MESH105 Deployment/default/public-api public-api.yaml:61",
        ],
        ["consul-manifests/learn-consul-k8s-hashicups/crds"] =
        [
            // ServiceRouter "app" has no ServiceDefaults and ProxyDefaults sets no protocol.
            "MESH302 ServiceRouter/default/app service-router.yaml:1",
        ],
        ["consul-manifests/learn-consul-circuit-breaking/k8s-services"] =
        [
            // The failing public-api versions call product-api and payments, which this step does not deploy.
            "MESH104 Deployment/default/public-api-v1 failing-service-public-api.yaml:75",
            "MESH104 Deployment/default/public-api-v1 failing-service-public-api.yaml:77",
            "MESH104 Deployment/default/public-api-v2 failing-service-public-api.yaml:122",
            "MESH104 Deployment/default/public-api-v2 failing-service-public-api.yaml:124",
            "MESH104 Deployment/default/public-api-v3 failing-service-public-api.yaml:169",
            "MESH104 Deployment/default/public-api-v3 failing-service-public-api.yaml:171",
            "MESH206 ServiceIntentions/default/frontend service-intentions.yaml:2",
            "MESH202 ServiceIntentions/default/frontend service-intentions.yaml:10",
            "MESH202 ServiceIntentions/default/product-api service-intentions.yaml:38",
            "MESH202 ServiceIntentions/default/product-api-db service-intentions.yaml:51",
            "MESH202 ServiceIntentions/default/product-api-db service-intentions.yaml:53",
            "MESH202 ServiceIntentions/default/payments service-intentions.yaml:64",
            "MESH202 ServiceIntentions/default/api-gateway service-intentions.yaml:78",
        ],
        ["consul-manifests/learn-consul-kubernetes/migrate-to-microservices"] =
        [
            // Neither product-api nor coffee-service has ServiceDefaults here, and the ProxyDefaults file is not valid YAML.
            "MESH302 ServiceRouter/default/product-api service-router.yaml:4",
            "MESH302 ServiceSplitter/default/coffee-service service-splitter.yaml:4",
        ],
        ["consul-manifests/learn-consul-kubernetes/layer7-observability"] =
        [
            // The k6 load generator calls frontend.default.svc.cluster.local, deployed by the hashicups/ sub-step.
            "MESH104 Deployment/default/traffic traffic.yaml:90",
            "MESH202 ServiceIntentions/default/traffic-to-frontend traffic.yaml:102",
        ],
        ["consul-manifests/learn-consul-kubernetes/migrate-to-microservices/coffee-service"] =
        [
            // A Service for a coffee-service Deployment that the tutorial applies from elsewhere.
            "MESH102 Service/default/coffee-service service.yaml:9",
        ],
        ["consul-manifests/learn-consul-kubernetes/mesh-gateways/dc1"] =
        [
            // static-server lives in dc2; this datacenter's manifests do not declare it. No deny-all, ACLs at the default.
            "MESH206 ServiceIntentions/default/static-client-to-static-server service-intentions.yaml:4",
            "MESH202 ServiceIntentions/default/static-client-to-static-server service-intentions.yaml:10",
        ],
        ["consul-manifests/learn-consul-kubernetes/mesh-gateways/dc2"] =
        [
            // The Deployment sets no serviceAccountName, so it runs as "default" although a static-server SA exists.
            "MESH403 Deployment/default/static-server static-server.yaml:20",
        ],
        ["consul-manifests/learn-consul-kubernetes/hcp-vault-eks/hashicups"] =
        [
            "MESH104 Deployment/default/public-api public-api.yaml:79",
            "MESH206 ServiceIntentions/default/public-api crd-intentions.yaml:4",
            "MESH103 Deployment/default/postgres postgres.yaml:68",
            "MESH601 ConfigMap/default/db-configmap product-api.yaml:36",
        ],
        ["consul-manifests/learn-consul-kubernetes/layer7-observability/hashicups"] =
        [
            // frontend only: public-api is deployed by another step.
            "MESH104 ConfigMap/default/nginx-configmap frontend.yaml:54",
            "MESH202 ServiceIntentions/default/frontend-to-public-api frontend.yaml:108",
        ],
        ["consul-manifests/consul-k8s/acceptance/tests/fixtures/bases/multiport-app"] =
        [
            // An acceptance fixture combined with static-server and a ServiceAccount by kustomize elsewhere.
            "MESH104 Deployment/default/multiport deployment.yaml:21",
            "MESH401 Deployment/default/multiport deployment.yaml:80",
        ],
        ["consul-manifests/consul-k8s/acceptance/tests/fixtures/cases/openshift/basic"] =
        [
            // Intentions between two mesh workloads, without a deny-all and without ACLs.
            "MESH206 ServiceIntentions/default/to-backend-default intentions.yaml:1",
        ],
    };

    public static TheoryData<string> Sets
    {
        get
        {
            var sets = new TheoryData<string>("hashicups/setups-local-k8s", "hashicups/getstarted-local", "hashicups/client-eks-l7");
            var root = ReferenceData.Path("consul-manifests");
            foreach (var folder in Directory.GetDirectories(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                if (YamlFilesIn(folder).Any())
                {
                    sets.Add(Path.GetRelativePath(ReferenceData.Path(), folder).Replace('\\', '/'));
                }
            }

            return sets;
        }
    }

    [Theory]
    [MemberData(nameof(Sets))]
    public void Findings_on_each_reference_set_are_exactly_the_examined_ones(string set)
    {
        var folder = ReferenceData.Path(set);
        var report = MeshAnalyzer.Analyze(ManifestLoader.LoadPaths(FilesOf(set)));

        var actual = report.Findings
            .Select(f => $"{f.RuleId} {f.Resource} {Path.GetRelativePath(folder, f.File).Replace('\\', '/')}:{f.Line}")
            .Order(StringComparer.Ordinal);
        // Compared as text so a failure shows every line, ready to examine.
        Assert.Equal(string.Join("\n", Expected.GetValueOrDefault(set, []).Order(StringComparer.Ordinal)), string.Join("\n", actual));
    }

    [Fact]
    public void Setups_local_k8s_has_no_findings_of_the_rules_that_are_correct_there()
    {
        var report = MeshAnalyzer.Analyze(ManifestLoader.LoadPaths([ReferenceData.Path("hashicups", "setups-local-k8s")]));

        string[] correctThere = ["MESH101", "MESH301", "MESH401", "MESH402", "MESH501"];
        Assert.DoesNotContain(report.Findings, f => correctThere.Contains(f.RuleId));
        Assert.Empty(report.LoadErrors);
    }

    [Fact]
    public void Every_reference_manifest_loads_except_the_one_that_is_not_valid_yaml()
    {
        var manifests = ManifestLoader.LoadPaths([ReferenceData.Path("hashicups"), ReferenceData.Path("consul-manifests")]);

        // A trailing comma after a quoted scalar in a block mapping (line 11, column 443): PyYAML rejects it as well.
        var error = Assert.Single(manifests.Errors);
        Assert.EndsWith(Path.Combine("migrate-to-microservices", "proxy-defaults.yaml"), error.Location.File);
        Assert.Equal(11, error.Location.Line);
        Assert.True(manifests.Resources.Count > 200, $"only {manifests.Resources.Count} resources were read");
    }

    [Fact]
    public void Password_in_a_real_connection_string_never_reaches_a_finding()
    {
        var report = MeshAnalyzer.Analyze(ManifestLoader.LoadPaths([ReferenceData.Path("hashicups", "setups-local-k8s")]));

        Assert.Contains(report.Findings, f => f.RuleId == "MESH601");
        Assert.DoesNotContain(report.Findings, f => (f.Message + f.Fix + f.Confirm + string.Join(" ", f.Evidence)).Contains("password=password", StringComparison.Ordinal));
    }

    /// <summary>A HashiCups variant is read whole; a consul-manifests set is one folder's own files, as the tutorial applies them.</summary>
    internal static string[] FilesOf(string set)
    {
        var folder = ReferenceData.Path(set);
        return set.StartsWith("hashicups/", StringComparison.Ordinal)
            ? Directory.GetFiles(folder, "*.yaml", SearchOption.AllDirectories)
            : YamlFilesIn(folder).ToArray();
    }

    private static IEnumerable<string> YamlFilesIn(string folder) =>
        Directory.GetFiles(folder).Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase));
}
