using MeshOps.Sources.Files;

namespace MeshOps.Tests.Sources;

/// <summary>A chart's templates are Go templates helm renders; read as YAML they fail or give objects that never exist.</summary>
public class HelmChartTemplateTests
{
    private const string Template = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: {{ include "app.fullname" . }}
        spec:
          replicas: {{ .Values.replicas }}
        {{- if .Values.mesh }}
          template:
            metadata:
              annotations:
                consul.hashicorp.com/connect-inject: "true"
        {{- end }}
        """;

    [Fact]
    public void Files_under_a_charts_templates_folder_are_skipped_with_the_helm_command_and_the_rest_is_read()
    {
        using var folder = new TempFolder();
        folder.Write("chart/Chart.yaml", "apiVersion: v2\nname: app\nversion: 1.0.0\n");
        var template = folder.Write("chart/templates/deployment.yaml", Template);
        var nested = folder.Write("chart/templates/sub/service.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Release.Name }}\n");
        folder.Write("manifests/namespace.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n");

        var set = ManifestLoader.LoadPaths([folder.Path]);

        Assert.Empty(set.Errors);
        Assert.Equal(["shop"], set.Resources.Select(r => r.Name));
        Assert.All(new[] { template, nested }, file => Assert.Contains(set.Skipped, s => s.Location.File == file && s.Reason.Contains("helm template <release>", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_folder_named_templates_without_a_chart_is_read_as_manifests()
    {
        using var folder = new TempFolder();
        folder.Write("templates/namespace.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n");

        var set = ManifestLoader.LoadPaths([folder.Path]);

        Assert.Equal(["shop"], set.Resources.Select(r => r.Name));
        Assert.Empty(set.Skipped);
    }
}
