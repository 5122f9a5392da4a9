using MeshOps.Authoring.Compare;
using MeshOps.Consul;
using MeshOps.Sources.Files;
using MeshOps.Sources.Typed;

namespace MeshOps.Tests.Authoring.Compare;

public class ConfigComparerTests
{
    private static readonly string Healthy = RepoPaths.Combine("examples", "hashicups", "healthy");

    [Fact]
    public void A_fault_folder_shows_the_field_it_changed_with_both_values_and_the_line_of_the_desired_one()
    {
        var desired = ManifestLoader.LoadPaths([Path.Combine(Healthy, "postgres.yaml")]).Resources;
        var current = ManifestLoader.LoadPaths([RepoPaths.Combine("examples", "hashicups", "faults", "MESH301-postgres-http")]).Resources;

        var comparison = Assert.Single(ConfigComparer.Compare(desired, current));

        Assert.Equal(("ServiceDefaults", "default", "postgres", ComparisonState.Changed), (comparison.Kind, comparison.Namespace, comparison.Name, comparison.State));
        var difference = Assert.Single(comparison.Differences);
        Assert.Equal(("spec.protocol", "tcp", "http"), (difference.Path, difference.Desired, difference.Current));
        Assert.EndsWith($"postgres.yaml:{LineOf(Path.Combine(Healthy, "postgres.yaml"), "protocol: tcp")}:3", difference.DesiredLocation, StringComparison.Ordinal);
        Assert.Contains("MESH301-postgres-http", comparison.CurrentLocation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_set_compared_with_itself_is_equal_throughout_and_only_consul_kinds_are_compared()
    {
        var healthy = ManifestLoader.LoadPaths([Healthy]).Resources;

        var comparisons = ConfigComparer.Compare(healthy, healthy);

        Assert.Equal(healthy.Count(ConfigComparer.IsComparable), comparisons.Count);
        Assert.All(comparisons, c => Assert.Equal(ComparisonState.Equal, c.State));
        Assert.DoesNotContain(comparisons, c => c.Kind is "Deployment" or "Service" or "ConfigMap" or "Secret");
    }

    [Fact]
    public void Metadata_and_status_are_not_compared()
    {
        var desired = Defaults("web", "http");
        var current = Defaults("web", "http");
        current.Metadata.ResourceVersion = "42";
        current.Metadata.Uid = "0b1c";
        current.Metadata.Labels = new Dictionary<string, string> { ["team"] = "shop" };
        current.Status = new ConsulStatus { Conditions = [new ConsulCondition { Type = "Synced", Status = "False", Reason = "ConsulAgentError" }] };

        Assert.Equal(ComparisonState.Equal, Assert.Single(Compare([desired], [current])).State);
    }

    [Fact]
    public void Only_desired_is_Added_and_only_current_is_reported_only_when_asked_and_only_of_desired_kinds()
    {
        var intentions = ServiceIntentions.Create("api", "api").AddSource("web", s => s.Allow()).Build();
        var current = new object[] { Defaults("other", "http"), ServiceIntentions.Create("old", "old").AddSource("web", s => s.Deny()).Build() };

        var quiet = Compare([Defaults("web", "http")], current);
        var asked = Compare([Defaults("web", "http")], current, new ConfigCompareOptions { IncludeUnmatched = true });

        Assert.Equal([("web", ComparisonState.Added)], quiet.Select(c => (c.Name, c.State)));
        Assert.Equal([("web", ComparisonState.Added), ("other", ComparisonState.Unmatched)], asked.Select(c => (c.Name, c.State)));
        Assert.Null(asked[1].Desired);
        Assert.NotNull(asked[1].Current);
        Assert.Equal(ComparisonState.Added, Assert.Single(Compare([intentions], []), c => c.Name == "api").State);
    }

    [Fact]
    public void An_object_without_a_namespace_is_in_the_default_namespace_of_the_comparison()
    {
        var current = Defaults("web", "tcp");
        current.Metadata.NamespaceProperty = "shop";

        var inShop = Compare([Defaults("web", "http")], [current], new ConfigCompareOptions { DefaultNamespace = "shop" });
        var inDefault = Compare([Defaults("web", "http")], [current]);

        Assert.Equal(ComparisonState.Changed, Assert.Single(inShop).State);
        Assert.Equal("shop", inShop[0].Namespace);
        Assert.Equal(ComparisonState.Added, Assert.Single(inDefault).State);
    }

    [Fact]
    public void The_diff_reads_like_kubectl_diff()
    {
        var comparison = Assert.Single(Compare([Defaults("web", "http")], [Defaults("web", "tcp")]));

        var diff = ConfigDiffWriter.Write(comparison);

        Assert.Equal("--- ServiceDefaults/default/web (current: ServiceDefaults/web)\n+++ ServiceDefaults/default/web (desired: ServiceDefaults/web)\n  spec.protocol\n-   tcp\n+   http\n", diff);
        Assert.Empty(ConfigDiffWriter.Write(Assert.Single(Compare([Defaults("web", "http")], [Defaults("web", "http")]))));
    }

    private static List<ConfigComparison> Compare(object[] desired, object[] current, ConfigCompareOptions? options = null) =>
        [.. ConfigComparer.Compare(TypedObjectSource.Read(desired, "desired").Resources, TypedObjectSource.Read(current, "current").Resources, options)];

    private static ServiceDefaults Defaults(string name, string protocol) =>
        ServiceDefaults.Create(name).WithProtocol(protocol == "http" ? MeshProtocol.Http : MeshProtocol.Tcp).Build();

    private static int LineOf(string file, string text) =>
        File.ReadAllLines(file).Select((line, i) => (line, i)).First(l => l.line.Contains(text, StringComparison.Ordinal)).i + 1;
}
