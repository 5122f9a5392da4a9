using MeshOps.Analysis;
using MeshOps.Sources;
using MeshOps.Sources.Files;

namespace MeshOps.Tests.Sources;

/// <summary>Sets read from different inputs (files, piped text) merged into one, so cross-object rules see them all.</summary>
public class ManifestSetTests
{
    private const string Service = "apiVersion: v1\nkind: Service\nmetadata:\n  name: api\nspec:\n  selector:\n    app: api\n  ports:\n    - port: 80\n      targetPort: api-http\n";

    private const string Deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: api
        spec:
          selector:
            matchLabels:
              app: api
          template:
            metadata:
              labels:
                app: api
            spec:
              containers:
                - name: api
                  image: example/api:1
                  ports:
                    - containerPort: 8080
        """;

    [Fact]
    public void Merge_keeps_the_order_of_the_sets_then_the_order_within_each()
    {
        var first = ManifestLoader.LoadText(Service + "---\n" + Deployment, "first.yaml");
        var second = ManifestLoader.LoadText("kind: [\n", "second.yaml");
        var third = ManifestLoader.LoadText(Service.Replace("name: api\nspec", "name: web\nspec", StringComparison.Ordinal), "third.yaml");

        var merged = ManifestSet.Merge(first, second, third);

        Assert.Equal(["api", "api", "web"], merged.Resources.Select(r => r.Name));
        Assert.Equal(["first.yaml", "first.yaml", "third.yaml"], merged.Resources.Select(r => r.Location.File));
        Assert.Equal(["second.yaml"], merged.Errors.Select(e => e.Location.File));
    }

    [Fact]
    public void Merge_of_nothing_is_empty_and_of_one_set_is_that_set()
    {
        var one = ManifestLoader.LoadText(Service, "one.yaml");

        Assert.Empty(ManifestSet.Merge().Resources);
        Assert.Same(one, ManifestSet.Merge(one));
    }

    [Fact]
    public void A_service_in_a_file_and_its_deployment_in_piped_text_are_checked_together()
    {
        using var folder = new TempFolder();
        var fromFiles = ManifestLoader.LoadPaths([folder.Write("service.yaml", Service)]);
        var fromText = ManifestLoader.LoadText(Deployment, "<stdin>");
        var options = new AnalysisOptions { IncludeRules = ["MESH101"] };

        Assert.Empty(MeshAnalyzer.Analyze(fromFiles, options).Findings);
        var finding = Assert.Single(MeshAnalyzer.Analyze(ManifestSet.Merge(fromFiles, fromText), options).Findings);
        Assert.EndsWith("service.yaml", finding.File);
    }
}
