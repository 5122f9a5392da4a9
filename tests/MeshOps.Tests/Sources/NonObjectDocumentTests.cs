using MeshOps.Consul.Helm;
using MeshOps.Sources;
using MeshOps.Sources.Files;

namespace MeshOps.Tests.Sources;

/// <summary>
/// YAML that lives beside manifests but is no object kubectl would apply is left out with a reason, never an error and
/// never read as consul-k8s values; unknown kinds of real-looking API groups stay as they were.
/// </summary>
public class NonObjectDocumentTests
{
    public static TheoryData<string, string, string> ToolFiles => new()
    {
        { "kind-cluster.yaml", "kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nnodes:\n  - role: control-plane\n  - role: worker\n", "kind cluster" },
        { "skaffold.yaml", "apiVersion: skaffold/v4beta6\nkind: Config\nmetadata:\n  name: app\nbuild:\n  artifacts:\n    - image: app\n", "Skaffold" },
        { "kustomization.yaml", "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - deployment.yaml\n", "kustomization" },
        { "component.yaml", "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\npatches:\n  - path: patch.yaml\n", "kustomization" },
        { "kubeconfig.yaml", "apiVersion: v1\nkind: Config\nclusters:\n  - name: kind\n    cluster:\n      server: https://127.0.0.1:6443\ncurrent-context: kind\n", "kubeconfig" },
        { "Chart.yaml", "apiVersion: v2\nname: shop\ndescription: The shop\ntype: application\nversion: 0.1.0\nappVersion: \"1.0\"\n", "Chart.yaml" },
        { "docker-compose.yml", "version: '3.8'\nservices:\n  web:\n    image: nginx:1.25\n    ports:\n      - \"8080:80\"\n  db:\n    image: postgres:16\n", "Docker Compose" },
        { "ci.yml", "name: ci\non:\n  push:\n    branches: [main]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n", "GitHub Actions" },
    };

    /// <summary>Values of other charts as people write them next to Consul's (small, made up, in each chart's real shape).</summary>
    public static TheoryData<string, string> OtherChartsValues => new()
    {
        { "kong", "ingressController:\n  installCRDs: false\n  ingressClass: kong\npodAnnotations:\n  consul.hashicorp.com/connect-inject: \"true\"\n  consul.hashicorp.com/transparent-proxy-exclude-inbound-ports: \"8000,8443\"\n" },
        { "traefik", "deployment:\n  podAnnotations:\n    consul.hashicorp.com/connect-inject: \"true\"\nlogs:\n  general:\n    level: DEBUG\nports:\n  web:\n    port: 8000\n" },
        { "prometheus", "server:\n  global:\n    scrape_interval: 15s\n  persistentVolume:\n    enabled: false\nalertmanager:\n  enabled: false\nprometheus-pushgateway:\n  enabled: false\n" },
        { "grafana", "global:\n  imageRegistry: null\nadminUser: admin\ndatasources:\n  datasources.yaml:\n    apiVersion: 1\n    datasources:\n      - name: Prometheus\n        type: prometheus\n        url: http://prometheus-server\n" },
        { "jaeger", "provisionDataStore:\n  cassandra: false\nallInOne:\n  enabled: true\nstorage:\n  type: memory\nagent:\n  enabled: false\ncollector:\n  enabled: false\nquery:\n  enabled: false\n" },
        { "vault", "global:\n  enabled: true\n  tlsDisable: true\ninjector:\n  enabled: true\nserver:\n  dev:\n    enabled: true\n  ha:\n    enabled: false\n    replicas: 3\nui:\n  enabled: true\n" },
        { "argo-cd", "global:\n  domain: argocd.example.com\nserver:\n  ingress:\n    enabled: true\ncontroller:\n  replicas: 1\nredis:\n  enabled: true\n" },
    };

    [Theory]
    [MemberData(nameof(ToolFiles))]
    public void A_tool_configuration_is_skipped_with_its_reason(string file, string yaml, string reason)
    {
        var set = ManifestLoader.LoadText(yaml, file);

        Assert.Empty(set.Errors);
        Assert.Empty(set.Resources);
        var skipped = Assert.Single(set.Skipped);
        Assert.Contains(reason, skipped.Reason, StringComparison.Ordinal);
        Assert.Equal(new SourceLocation(file, 1, 1), skipped.Location);
    }

    [Theory]
    [MemberData(nameof(OtherChartsValues))]
    public void Another_charts_values_are_skipped_and_not_read_as_consul_values(string chart, string yaml)
    {
        var set = ManifestLoader.LoadText(yaml, $"{chart}/values.yaml");

        Assert.Empty(set.Errors);
        Assert.Empty(set.Resources);
        Assert.Contains("not the consul-k8s chart's", Assert.Single(set.Skipped).Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("connectInject:\n  enabled: true\n")]
    [InlineData("global:\n  datacenter: dc1\n")]
    [InlineData("global:\n  name: consul\n  acls:\n    manageSystemACLs: true\nserver:\n  replicas: 1\n")]
    [InlineData("global:\n  image: hashicorp/consul-enterprise:1.18.0-ent\n")]
    [InlineData("meshGateway:\n  enabled: true\n")]
    [InlineData("syncCatalog:\n  enabled: true\n")]
    [InlineData("global:\n  name: consul\nserver:\n  replicas: 1\n")]
    public void Consul_values_are_read_from_any_of_the_charts_own_sections(string yaml)
    {
        var set = ManifestLoader.LoadText(yaml, "values.yaml");

        Assert.Empty(set.Skipped);
        Assert.IsType<ConsulHelmValues>(Assert.Single(set.Resources).Model);
    }

    [Fact]
    public void An_unknown_kind_of_a_real_api_group_is_kept_untyped_as_before()
    {
        var set = ManifestLoader.LoadText(
            "apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n  name: web\n---\n" +
            "apiVersion: cluster.x-k8s.io/v1beta1\nkind: Cluster\nmetadata:\n  name: workload\n", "objects.yaml");

        Assert.Empty(set.Skipped);
        Assert.Equal(["HTTPRoute", "Cluster"], set.Resources.Select(r => r.Kind));
        Assert.All(set.Resources, r => Assert.Null(r.Model));
    }

    [Fact]
    public void An_unknown_kind_of_a_real_api_group_without_a_name_is_still_an_error()
    {
        var set = ManifestLoader.LoadText("apiVersion: example.com/v1\nkind: Widget\nspec: {}\n", "widget.yaml");

        Assert.Equal(LoadErrorIds.MissingIdentity, Assert.Single(set.Errors).ErrorId);
        Assert.Empty(set.Skipped);
    }

    [Fact]
    public void A_repeated_key_in_a_skipped_file_gives_no_warning()
    {
        var set = ManifestLoader.LoadText("ingressController:\n  enabled: true\n  enabled: false\n", "kong/values.yaml");

        Assert.Single(set.Skipped);
        Assert.Empty(set.Warnings);
    }

    [Fact]
    public void Each_document_of_a_stream_is_judged_on_its_own()
    {
        var set = ManifestLoader.LoadText("kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n", "mixed.yaml");

        Assert.Equal("shop", Assert.Single(set.Resources).Name);
        Assert.Equal(1, Assert.Single(set.Skipped).Location.Line);
    }
}
