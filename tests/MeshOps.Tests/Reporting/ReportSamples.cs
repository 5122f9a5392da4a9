using MeshOps.Analysis;
using MeshOps.Analysis.Rules;
using MeshOps.Reporting;
using MeshOps.Rules.Catalog;
using MeshOps.Sources;
using MeshOps.Tests.Analysis;

namespace MeshOps.Tests.Reporting;

/// <summary>Reports to render: the HashiCups example with each seeded fault, and reports built by hand for the edges.</summary>
internal static class ReportSamples
{
    public static string ExampleRoot => RepoPaths.Combine("examples", "hashicups");

    /// <summary>Paths relative to examples/hashicups, the version fixed: what a user running in that folder gets.</summary>
    public static ReportContext ExampleContext { get; } = new(ExampleRoot, "0.0.0-test");

    public static IEnumerable<object[]> Inputs =>
        new[] { "healthy" }.Concat(HashiCupsExample.FaultNames).Select(name => new object[] { name });

    public static AnalysisReport Of(string input) => HashiCupsExample.Analyze(input == "healthy" ? null : input);

    public static Finding Finding(string ruleId, SourceLocation location, string message = "Service payments is broken.", params Evidence[] evidence)
    {
        var rule = RuleCatalog.All.Single(r => r.Id == ruleId);
        return new Finding(ruleId, rule.Severity, rule.Title, new ResourceRef("Service", "default", "payments"), location, message, "Fix it.", "kubectl get svc payments", evidence);
    }

    public static AnalysisReport Report(IReadOnlyList<Finding> findings, IReadOnlyList<LoadError>? errors = null) =>
        new(findings, errors ?? []) { ResourcesAnalysed = 3, RulesRun = [.. RuleCatalog.All.Select(r => r.Id)] };
}
