using MeshOps.Rules.Catalog;

namespace MeshOps.Reporting;

/// <summary>
/// What a report document says besides the findings: the folder paths are written relative to (a repository root,
/// so code scanning can place a result on its line), the version of the tool, and the severity from which a finding
/// fails the run (JUnit writes those as failures, the rest as passed cases that carry the finding).
/// </summary>
public sealed record ReportContext(string BaseDirectory, string ToolVersion)
{
    public Severity FailOn { get; init; } = Severity.Error;
}
