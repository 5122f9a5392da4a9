using k8s.Models;
using MeshOps.Sources.Files;
using MeshOps.Sources.Files.Yaml;

namespace MeshOps.Tests.Sources;

/// <summary>Short scalar values repeated within a load are kept as one string (issue 13: the model's size at 4,000 services).</summary>
public class ValuePoolTests
{
    [Fact]
    public void A_value_is_always_the_text_it_was_read_from_whatever_held_its_slot_before()
    {
        // Far more distinct values than slots, many sharing a slot, each asked for twice at different places.
        var random = new Random(20261203);
        var values = Enumerable.Range(0, 20_000).Select(_ => new string((char)random.Next('a', 'z' + 1), random.Next(1, 70))).ToList();
        values.AddRange(Enumerable.Range(0, 20_000).Select(i => "svc-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var text = string.Concat(values);
        var pool = new ValuePool();

        for (var pass = 0; pass < 2; pass++)
        {
            var start = 0;
            foreach (var value in values)
            {
                Assert.Equal(value, pool.Get(text, start, value.Length));
                Assert.Equal(value, pool.Get(new string(value.AsSpan())));
                start += value.Length;
            }
        }
    }

    [Fact]
    public void A_short_value_read_again_is_the_same_string_and_a_long_one_a_copy()
    {
        var shortValue = "public-api";
        var longValue = new string('x', 65);
        var text = shortValue + longValue + shortValue + longValue;
        var pool = new ValuePool();

        Assert.Same(pool.Get(text, 0, shortValue.Length), pool.Get(text, shortValue.Length + longValue.Length, shortValue.Length));
        Assert.NotSame(pool.Get(text, shortValue.Length, longValue.Length), pool.Get(text, 2 * shortValue.Length + longValue.Length, longValue.Length));
        Assert.Same(string.Empty, pool.Get(text, 3, 0));
    }

    [Fact]
    public void The_objects_of_one_load_share_the_strings_of_the_values_they_repeat()
    {
        const string Deployment = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: NAME
              labels:
                app: NAME
            spec:
              selector:
                matchLabels:
                  app: NAME
              template:
                metadata:
                  labels:
                    app: NAME
                spec:
                  serviceAccountName: 'NAME'
                  containers:
                    - name: "NAME"
                      image: example/NAME:1
            """;
        var set = ManifestLoader.LoadText(Deployment.Replace("NAME", "api", StringComparison.Ordinal) + "\n---\n" + Deployment.Replace("NAME", "web", StringComparison.Ordinal), "two.yaml");

        var deployments = set.Resources.Select(r => r.As<V1Deployment>()!).ToList();
        Assert.Equal(2, deployments.Count);
        foreach (var deployment in deployments)
        {
            var name = deployment.Metadata.Name;
            Assert.Same(name, deployment.Spec.Selector.MatchLabels["app"]);
            Assert.Same(name, deployment.Spec.Template.Spec.ServiceAccountName);
            Assert.Same(name, deployment.Spec.Template.Spec.Containers[0].Name);
        }

        Assert.Equal(["api", "web"], deployments.Select(d => d.Metadata.Name));
    }

    [Fact]
    public void Values_YamlDotNet_reads_are_shared_too()
    {
        // JSON (kubectl get -o json) is flow YAML, which the block reader leaves to YamlDotNet.
        const string Json = """
            {"apiVersion": "v1", "kind": "Service", "metadata": {"name": "api", "labels": {"app": "api"}},
             "spec": {"selector": {"app": "api"}, "ports": [{"port": 80}]}}
            """;

        var service = Assert.Single(ManifestLoader.LoadText(Json, "service.json").Resources).As<V1Service>()!;

        Assert.Same(service.Metadata.Name, service.Metadata.Labels["app"]);
        Assert.Same(service.Metadata.Name, service.Spec.Selector["app"]);
    }
}
