using MeshOps.Analysis;
using MeshOps.Rules.Catalog;
using MeshOps.Tests.Architecture.Fixture.Lower;

namespace MeshOps.Tests.Architecture;

/// <summary>
/// The pipeline reads top to bottom: sources (files, typed objects; a cluster next) → model (call discovery a stage of it) → rules → findings and report.
/// Each assembly's namespaces are listed here bottom first; a namespace may use those above it in the list only.
/// </summary>
public class DependencyDirectionTests
{
    private static readonly Layer[] Sdk =
    [
        // Collection helpers (a dictionary of lists): know nothing of the mesh, used by any layer.
        new("collections", "MeshOps.Collections"),
        new("secrets", "MeshOps.Secrets"),
        // Clients reach servers (Kubernetes, Consul, a pod's port); they know nothing of manifests or the model.
        new("clients", "MeshOps.Clients"),
        new("kubernetes and consul clients", "MeshOps.Clients.Kubernetes", "MeshOps.Clients.Consul"),
        // Envoy's admin data: names and sources first, pure parsers over them, then the transport that fetches it.
        new("envoy data", "MeshOps.Envoy"),
        new("envoy parsers", "MeshOps.Envoy.Stats", "MeshOps.Envoy.Clusters", "MeshOps.Envoy.Config", "MeshOps.Envoy.Certificates", "MeshOps.Envoy.Server", "MeshOps.Envoy.Errors", "MeshOps.Envoy.Logs"),
        new("envoy admin", "MeshOps.Envoy.Admin"),
        new("consul model", "MeshOps.Consul", "MeshOps.Consul.Helm"),
        new("sources", "MeshOps.Sources"),
        new("file source", "MeshOps.Sources.Files", "MeshOps.Sources.Files.Yaml"),
        new("typed object source", "MeshOps.Sources.Typed"),
        new("live cluster source", "MeshOps.Sources.Live"),
        new("discovery", "MeshOps.Discovery"),
        new("model", "MeshOps.Model"),
        new("rules", "MeshOps.Analysis.Rules"),
        new("analysis", "MeshOps.Analysis"),
        // The CI documents of an analysis (SARIF, JUnit, JSON): a view of the report, read by nothing below.
        new("reports", "MeshOps.Reporting"),
        // A path is traced over the model and the findings of the analysis: hops compose them and never judge twice.
        new("paths", "MeshOps.Paths", "MeshOps.Paths.Hops", "MeshOps.Paths.Live"),
        new("graph", "MeshOps.Graph"),
        new("check suites", "MeshOps.Checks"),
        // Test-MeshIntention: the intention hop's decision with what decided it, and Consul's answer beside it.
        new("intention checks", "MeshOps.Intentions"),
        new("authoring", "MeshOps.Authoring"),
        // Comparing desired configuration with a cluster's or a repository's: read by the cmdlets and by apply's verification.
        new("comparison", "MeshOps.Authoring.Compare"),
        // Server-side apply and its verification (Publish-MeshConfig): clients over the typed objects; the rule check it runs first is Authoring's.
        new("publishing", "MeshOps.Publishing"),
    ];

    private static readonly Layer[] SharedRules =
    [
        new("text", "MeshOps.Rules.Text"),
        new("catalog", "MeshOps.Rules.Catalog"),
        new("intentions", "MeshOps.Rules.Intentions"),
        new("checks", "MeshOps.Rules.Checks"),
    ];

    [Fact]
    public void The_sdk_depends_in_one_direction_only()
    {
        Assert.Empty(LayerRules.BackwardDependencies(typeof(MeshAnalyzer).Assembly, Sdk));
    }

    [Fact]
    public void The_shared_rules_assembly_depends_in_one_direction_only()
    {
        Assert.Empty(LayerRules.BackwardDependencies(typeof(RuleCatalog).Assembly, SharedRules));
    }

    [Fact]
    public void Every_namespace_of_the_sdk_is_in_a_layer()
    {
        // Compiler-emitted attributes (System.Runtime.CompilerServices and friends) and the generator's helpers are not ours to order.
        Assert.Empty(LayerRules.UnlistedNamespaces(typeof(MeshAnalyzer).Assembly, Sdk, ns => !ns.StartsWith("MeshOps", StringComparison.Ordinal)));
        Assert.Empty(LayerRules.UnlistedNamespaces(typeof(RuleCatalog).Assembly, SharedRules, ns => !ns.StartsWith("MeshOps", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_backward_dependency_is_reported_with_the_type_that_has_it()
    {
        Layer[] layers =
        [
            new("lower", typeof(UsesTheLayerAbove).Namespace!),
            new("upper", typeof(Fixture.Upper.Above).Namespace!),
        ];

        var violations = LayerRules.BackwardDependencies(typeof(UsesTheLayerAbove).Assembly, layers);

        var violation = Assert.Single(violations);
        Assert.Contains(nameof(UsesTheLayerAbove), violation, StringComparison.Ordinal);
        Assert.Contains("uses upper", violation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sub_namespace_below_its_parent_may_not_use_the_parent()
    {
        // The shape of MeshOps.Analysis.Rules under MeshOps.Analysis: prefix matching must not hide it, nor flag the parent's own use of the child.
        Layer[] layers =
        [
            new("child", typeof(Fixture.Upper.Child.UsesItsParent).Namespace!),
            new("parent", typeof(Fixture.Upper.Above).Namespace!),
        ];

        var violations = LayerRules.BackwardDependencies(typeof(UsesTheLayerAbove).Assembly, layers);

        Assert.Equal([$"{typeof(Fixture.Upper.Child.UsesItsParent).FullName} (child) uses parent"], violations);
    }
}
