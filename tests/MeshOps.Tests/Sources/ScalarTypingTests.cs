using k8s.Models;
using MeshOps.Sources;
using MeshOps.Sources.Files;

namespace MeshOps.Tests.Sources;

/// <summary>Scalars mean what kubectl makes of them: plain numbers are numbers, quoted text is text.</summary>
public class ScalarTypingTests
{
    [Theory]
    [InlineData("8080", true, 8080)]
    [InlineData("\"8080\"", false, 8080)]
    [InlineData("http", false, 0)]
    public void Target_port_accepts_a_number_or_a_name(string written, bool isNumber, int number)
    {
        var port = LoadServicePort($"targetPort: {written}");

        var value = port.TargetPort.Value;
        Assert.Equal(written.Trim('"'), value);
        if (isNumber || number != 0)
            Assert.Equal(number, port.TargetPort.ToInt());
    }

    [Fact]
    public void Quoted_number_in_an_integer_field_is_a_field_error()
    {
        var set = ManifestLoader.LoadText(ServiceYaml("port: \"80\""), "svc.yaml");

        var error = Assert.Single(set.Errors);
        Assert.Equal(LoadErrorIds.InvalidField, error.ErrorId);
        Assert.Contains("spec.ports[0].port", error.Message);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    [InlineData("yes", true)]
    [InlineData("off", false)]
    public void Booleans_follow_kubectl_yaml_rules(string written, bool expected)
    {
        var yaml = $"""
            apiVersion: v1
            kind: Pod
            metadata:
              name: p
            spec:
              automountServiceAccountToken: {written}
              containers:
                - name: c
                  image: nginx
            """;

        var pod = ManifestLoader.LoadText(yaml, "p.yaml").Resources.Single().As<V1Pod>()!;

        Assert.Equal(expected, pod.Spec.AutomountServiceAccountToken);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("~")]
    [InlineData("")]
    public void Null_spellings_leave_the_field_unset(string written)
    {
        var yaml = $"apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  replicas: {written}\n";

        var deployment = ManifestLoader.LoadText(yaml, "d.yaml").Resources.Single().As<V1Deployment>()!;

        Assert.Null(deployment.Spec.Replicas);
    }

    [Fact]
    public void Leading_zero_number_is_octal_as_in_kubectl()
    {
        var yaml = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: p
            spec:
              containers: []
              volumes:
                - name: config
                  configMap:
                    name: cfg
                    defaultMode: 0644
            """;

        var pod = ManifestLoader.LoadText(yaml, "p.yaml").Resources.Single().As<V1Pod>()!;

        Assert.Equal(420, pod.Spec.Volumes[0].ConfigMap.DefaultMode);
    }

    [Fact]
    public void Unquoted_boolean_annotation_is_a_field_error_like_kubectl_apply()
    {
        var yaml = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              template:
                metadata:
                  annotations:
                    consul.hashicorp.com/connect-inject: true
            """;

        var error = Assert.Single(ManifestLoader.LoadText(yaml, "web.yaml").Errors);

        Assert.Equal(LoadErrorIds.InvalidField, error.ErrorId);
        Assert.Equal(9, error.Location.Line);
        Assert.Contains("spec.template.metadata.annotations.consul.hashicorp.com/connect-inject", error.Message);
        Assert.Contains("quote it", error.Message);
    }

    [Fact]
    public void Single_letter_n_is_a_boolean_so_an_unquoted_name_n_is_reported_with_a_hint()
    {
        var error = Assert.Single(ManifestLoader.LoadText("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: n\n", "ns.yaml").Errors);

        Assert.Equal((LoadErrorIds.InvalidField, 4), (error.ErrorId, error.Location.Line));
        Assert.Contains("'n' as a boolean", error.Message);
    }

    [Fact]
    public void Explicit_string_tag_keeps_a_number_as_text()
    {
        var yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  port: !!str 8080\n";

        var map = ManifestLoader.LoadText(yaml, "c.yaml").Resources.Single().As<V1ConfigMap>()!;

        Assert.Equal("8080", map.Data["port"]);
    }

    [Fact]
    public void Resource_quantities_accept_numbers_and_strings()
    {
        var yaml = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: p
            spec:
              containers:
                - name: c
                  image: nginx
                  resources:
                    limits:
                      cpu: 1
                      memory: 128Mi
            """;

        var limits = ManifestLoader.LoadText(yaml, "p.yaml").Resources.Single().As<V1Pod>()!.Spec.Containers[0].Resources.Limits;

        Assert.Equal("1", limits["cpu"].ToString());
        Assert.Equal("128Mi", limits["memory"].ToString());
    }

    [Theory]
    [InlineData("1.5", "1.5")]
    [InlineData("1e3", "1000")]
    [InlineData("0x1F", "31")]
    [InlineData("1_000", "1000")]
    [InlineData("-7", "-7")]
    [InlineData(".inf", "\".inf\"")]
    [InlineData("1.2.3", "\"1.2.3\"")]
    [InlineData("Infinity", "\"Infinity\"")]
    [InlineData("1,000", "\"1,000\"")]
    public void Plain_scalars_become_json_numbers_only_when_yaml_reads_them_as_numbers(string written, string json)
    {
        var yaml = $"apiVersion: consul.hashicorp.com/v1alpha1\nkind: ProxyDefaults\nmetadata:\n  name: global\nspec:\n  config:\n    value: {written}\n";

        var model = ManifestLoader.LoadText(yaml, "p.yaml").Resources.Single().As<MeshOps.Consul.ProxyDefaults>()!;

        Assert.Equal(json, model.Spec.Config!["value"]!.ToJsonString());
    }

    private static V1ServicePort LoadServicePort(string field)
    {
        var set = ManifestLoader.LoadText(ServiceYaml(field), "svc.yaml");
        Assert.Empty(set.Errors);
        return set.Resources.Single().As<V1Service>()!.Spec.Ports.Single();
    }

    private static string ServiceYaml(string portField) => $"""
        apiVersion: v1
        kind: Service
        metadata:
          name: svc
        spec:
          ports:
            - {portField}
        """;
}
