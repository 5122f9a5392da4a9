using System.Text;
using k8s.Models;
using MeshOps.Analysis;
using MeshOps.Sources;
using MeshOps.Sources.Files;

namespace MeshOps.Tests.Sources;

/// <summary>A key written twice: kubectl (go-yaml v2, non-strict) keeps the last value, and so do we, with a warning.</summary>
public class DuplicateKeyTests
{
    private const string Service = """
        apiVersion: v1
        kind: Service
        metadata:
          name: web
        spec:
          selector:
            app: web
          ports:
            - port: 80
              targetPort: 8080
          ports:
            - port: 80
              targetPort: 9090
        """;

    [Fact]
    public void The_document_is_kept_with_the_last_value()
    {
        var set = ManifestLoader.LoadText(Service, "svc.yaml");

        Assert.Empty(set.Errors);
        var service = Assert.Single(set.Resources).As<V1Service>()!;
        Assert.Equal("9090", Assert.Single(service.Spec.Ports).TargetPort.Value);
    }

    [Fact]
    public void A_warning_names_the_key_the_repeated_place_and_the_line_of_the_earlier_one()
    {
        var warning = Assert.Single(ManifestLoader.LoadText(Service, "svc.yaml").Warnings);

        Assert.Equal(LoadWarningIds.DuplicateKey, warning.WarningId);
        Assert.Equal(new SourceLocation("svc.yaml", 11, 3), warning.Location);
        Assert.Contains("'ports'", warning.Message, StringComparison.Ordinal);
        Assert.Contains("first at line 8", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Positions_point_at_the_value_that_counts()
    {
        var service = Assert.Single(ManifestLoader.LoadText(Service, "svc.yaml").Resources);

        Assert.Equal(11, service.LocationOf("spec", "ports").Line);
        Assert.Equal(13, service.LocationOf("spec", "ports", 0, "targetPort").Line);
    }

    [Fact]
    public void A_key_written_three_times_keeps_the_third_and_warns_twice()
    {
        var yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  k: one\n  k: two\n  k: three\n";

        var set = ManifestLoader.LoadText(yaml, "cm.yaml");

        Assert.Equal("three", Assert.Single(set.Resources).As<V1ConfigMap>()!.Data["k"]);
        Assert.Equal([7, 8], set.Warnings.Select(w => w.Location.Line));
    }

    [Fact]
    public void A_repeated_key_in_a_large_mapping_is_found_and_the_last_value_kept()
    {
        var yaml = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n");
        for (var i = 0; i < 5000; i++)
            yaml.Append($"  k{i}: v\n");
        yaml.Append("  k42: again\n");

        var set = ManifestLoader.LoadText(yaml.ToString(), "big.yaml");

        Assert.Equal(5006, Assert.Single(set.Warnings).Location.Line);
        var data = Assert.Single(set.Resources).As<V1ConfigMap>()!.Data;
        Assert.Equal((5000, "again"), (data.Count, data["k42"]));
    }

    [Fact]
    public void A_key_set_beside_a_merge_key_overrides_it_without_a_warning()
    {
        var yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: m\nbase: &base\n  a: from-base\ndata:\n  <<: *base\n  a: own\n";

        var set = ManifestLoader.LoadText(yaml, "merge.yaml");

        Assert.Empty(set.Warnings);
        Assert.Equal("own", Assert.Single(set.Resources).As<V1ConfigMap>()!.Data["a"]);
    }

    [Fact]
    public void A_warning_alone_does_not_fail_the_gate()
    {
        var report = MeshAnalyzer.Analyze(ManifestLoader.LoadText("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  name: c\n", "cm.yaml"));

        Assert.Empty(report.LoadErrors);
        Assert.Equal(LoadWarningIds.DuplicateKey, Assert.Single(report.LoadWarnings).WarningId);
        Assert.True(report.Passed);
    }
}
