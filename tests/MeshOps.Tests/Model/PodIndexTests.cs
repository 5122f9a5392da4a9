using System.Text;
using MeshOps.Model;
using MeshOps.Sources.Files;

namespace MeshOps.Tests.Model;

/// <summary>
/// Finding a workload's pods goes through an index of pods by label pair; every answer must be the pods a scan of all
/// of them with <see cref="PodSelection.Selects"/> finds, in the same order.
/// </summary>
public class PodIndexTests
{
    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public void Every_workload_gets_the_pods_a_scan_selects_in_the_same_order(int seed)
    {
        var model = MeshModelBuilder.Build(ManifestLoader.LoadText(RandomCluster(new Random(seed)), "cluster.yaml"));
        var pods = model.Resources.Where(r => r.Kind == "Pod").ToList();
        Assert.NotEmpty(pods);
        var selecting = 0;

        foreach (var workload in model.Workloads)
        {
            var scanned = pods.Where(p => MeshModelBuilder.NamespaceOf(p) == workload.Namespace && PodSelection.Selects(workload, p)).ToList();
            Assert.Equal(scanned, model.Pods.Of(workload).ToList());
            Assert.Equal(scanned.OrderBy(p => p.Name, StringComparer.Ordinal), PodSelection.Of(model, workload));
            selecting += scanned.Count > 0 ? 1 : 0;
        }

        // The comparison means something only if many workloads do select pods, and some several.
        Assert.True(selecting > 10, $"{selecting} workloads select pods");
    }

    /// <summary>Deployments and bare Pods in two namespaces over a few labels, so selections overlap and miss by one pair.</summary>
    private static string RandomCluster(Random random)
    {
        var yaml = new StringBuilder();
        string Labels() => "{" + string.Join(", ", Enumerable.Range(0, random.Next(0, 3)).Select(i => $"{"abc"[i]}: v{random.Next(3)}").Distinct()) + "}";
        for (var i = 0; i < 40; i++)
        {
            var ns = random.Next(2) == 0 ? "one" : "two";
            if (random.Next(3) == 0)
            {
                yaml.Append($"apiVersion: v1\nkind: Pod\nmetadata: {{name: pod-{i}, namespace: {ns}, labels: {Labels()}}}\nspec: {{containers: [{{name: c, image: i}}]}}\n---\n");
            }
            else
            {
                var labels = Labels();
                var selector = random.Next(2) == 0 ? $"\n  selector: {{matchLabels: {labels}}}" : "";
                yaml.Append($"apiVersion: apps/v1\nkind: Deployment\nmetadata: {{name: deploy-{i}, namespace: {ns}}}\nspec:{selector}\n  template:\n    metadata: {{labels: {labels}}}\n    spec: {{containers: [{{name: c, image: i}}]}}\n---\n");
            }
        }

        return yaml.ToString();
    }
}
