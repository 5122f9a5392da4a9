using MeshOps.Rules.Catalog;

namespace MeshOps.Tests.Analysis.RuleBehaviour;

/// <summary>MESH501: a ConfigMap, or a key of one, that a pod references and the inputs do not declare.</summary>
public class MissingConfigMapTests
{
    private const string AppConfig = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: app-config
        data:
          LOG_LEVEL: info
        binaryData:
          logo.png: aGVsbG8=
        """;

    /// <summary>A Deployment outside the mesh whose pod spec ends with <paramref name="podSpec"/> (indented as under <c>spec:</c> of the template).</summary>
    private static TestMesh Pod(string podSpec, bool withConfigMap = false)
    {
        var mesh = new TestMesh();
        if (withConfigMap)
        {
            mesh.Raw(AppConfig);
        }

        var indented = string.Join("\n", podSpec.Split('\n').Select(l => "      " + l));
        return mesh.Raw($"apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  selector:\n    matchLabels:\n      app: api\n  template:\n    metadata:\n      labels:\n        app: api\n    spec:\n{indented}");
    }

    private static string EnvKeyRef(string name, string key, bool optional = false) => $"""
        containers:
          - name: api
            image: example/api:1
            env:
              - name: LOG_LEVEL
                valueFrom:
                  configMapKeyRef:
                    name: {name}
                    key: {key}
        {(optional ? "            optional: true" : "")}
        """;

    private static string Volume(string name, bool optional = false, params string[] items) => $"""
        containers:
          - name: api
            image: example/api:1
        volumes:
          - name: config
            configMap:
              name: {name}
        {(optional ? "      optional: true" : "")}
        {(items.Length == 0 ? "" : "      items:\n" + string.Join("\n", items.Select(k => $"        - key: {k}\n          path: {k}")))}
        """;

    private static string EnvFrom(string name, bool optional = false, string containers = "containers") => $"""
        {containers}:
          - name: api
            image: example/api:1
            envFrom:
              - configMapRef:
                  name: {name}
        {(optional ? "          optional: true" : "")}
        """;

    private static void AssertMissing(TestMesh mesh, string lineText, string? key = null)
    {
        var finding = Assert.Single(mesh.Analyze().Findings);
        Assert.Equal(("MESH501", Severity.Error, "<test>", mesh.LineOf(lineText)), (finding.RuleId, finding.Severity, finding.File, finding.Line));
        if (key is not null)
        {
            Assert.Contains($"key '{key}'", finding.Message);
        }
        else
        {
            Assert.DoesNotContain(" key '", finding.Message);
        }
    }

    [Fact]
    public void A_configMapKeyRef_to_a_missing_configmap_is_reported_on_its_name()
    {
        AssertMissing(Pod(EnvKeyRef("app-config", "LOG_LEVEL")), "name: app-config");
    }

    [Fact]
    public void An_optional_configMapKeyRef_to_a_missing_configmap_is_fine()
    {
        Assert.Empty(Pod(EnvKeyRef("app-config", "LOG_LEVEL", optional: true)).Analyze().Findings);
    }

    [Fact]
    public void A_configMapKeyRef_to_a_missing_key_is_reported_with_the_key()
    {
        var mesh = Pod(EnvKeyRef("app-config", "COLOR"), withConfigMap: true);

        var finding = Assert.Single(mesh.Analyze().Findings);

        Assert.Equal(("MESH501", Severity.Error), (finding.RuleId, finding.Severity));
        Assert.Contains("ConfigMap app-config key 'COLOR'", finding.Message);
        // The env var's configMapKeyRef block: its name line today (its key line would be more precise).
        Assert.InRange(finding.Line, mesh.LineOf("configMapKeyRef:"), mesh.LineOf("key: COLOR"));
    }

    [Fact]
    public void An_optional_configMapKeyRef_to_a_missing_key_is_fine()
    {
        // Kubernetes: optional "specifies whether the ConfigMap or its key must be defined".
        Assert.Empty(Pod(EnvKeyRef("app-config", "COLOR", optional: true), withConfigMap: true).Analyze().Findings);
    }

    [Fact]
    public void Keys_in_data_and_in_binaryData_both_count()
    {
        Assert.Empty(Pod(EnvKeyRef("app-config", "LOG_LEVEL"), withConfigMap: true).Analyze().Findings);
        Assert.Empty(Pod(Volume("app-config", false, "logo.png"), withConfigMap: true).Analyze().Findings);
    }

    [Fact]
    public void A_volume_of_a_missing_configmap_is_reported_on_its_name()
    {
        AssertMissing(Pod(Volume("app-config")), "name: app-config");
    }

    [Fact]
    public void The_root_CA_configmap_Kubernetes_publishes_in_every_namespace_is_never_missing()
    {
        Assert.Empty(Pod(Volume("kube-root-ca.crt", false, "ca.crt")).Analyze().Findings);
        AssertMissing(Pod(Volume("kube-root-ca")), "name: kube-root-ca");
    }

    [Fact]
    public void An_optional_volume_of_a_missing_configmap_is_fine()
    {
        Assert.Empty(Pod(Volume("app-config", optional: true)).Analyze().Findings);
        Assert.Empty(Pod(Volume("app-config", true, "LOG_LEVEL")).Analyze().Findings);
    }

    [Fact]
    public void A_volume_item_naming_a_missing_key_is_reported_on_that_item()
    {
        AssertMissing(Pod(Volume("app-config", false, "LOG_LEVEL", "COLOR"), withConfigMap: true), "- key: COLOR", key: "COLOR");
    }

    [Fact]
    public void An_optional_volume_item_naming_a_missing_key_is_fine()
    {
        Assert.Empty(Pod(Volume("app-config", true, "COLOR"), withConfigMap: true).Analyze().Findings);
    }

    [Fact]
    public void EnvFrom_a_missing_configmap_is_reported_on_its_name()
    {
        AssertMissing(Pod(EnvFrom("app-config")), "name: app-config");
    }

    [Fact]
    public void EnvFrom_of_an_init_container_counts_too()
    {
        var mesh = Pod(EnvFrom("app-config", containers: "initContainers") + "\ncontainers:\n  - name: main\n    image: example/main:1");

        AssertMissing(mesh, "name: app-config");
    }

    [Fact]
    public void An_optional_envFrom_of_a_missing_configmap_is_fine()
    {
        Assert.Empty(Pod(EnvFrom("app-config", optional: true)).Analyze().Findings);
    }

    [Fact]
    public void EnvFrom_an_existing_configmap_is_fine()
    {
        Assert.Empty(Pod(EnvFrom("app-config"), withConfigMap: true).Analyze().Findings);
    }

    [Fact]
    public void A_missing_configmap_mounted_with_several_items_is_reported_once_on_its_name()
    {
        AssertMissing(Pod(Volume("app-config", false, "LOG_LEVEL", "COLOR")), "name: app-config");
    }

    [Fact]
    public void A_projected_volume_of_a_missing_configmap_is_reported()
    {
        var mesh = Pod("""
            containers:
              - name: api
                image: example/api:1
            volumes:
              - name: config
                projected:
                  sources:
                    - configMap:
                        name: app-config
            """);

        AssertMissing(mesh, "name: app-config");
    }
}
