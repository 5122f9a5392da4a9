namespace MeshOps.Reporting;

/// <summary>The documents a CI system reads findings from, besides PowerShell's objects.</summary>
public enum ReportFormat
{
    /// <summary>SARIF 2.1.0, what code scanning (GitHub, Azure DevOps, GitLab) shows on the line.</summary>
    Sarif,

    /// <summary>JUnit XML, what test-result panels show: one test case per rule and resource.</summary>
    JUnit,

    /// <summary>The findings as JSON objects with the property names of <see cref="Analysis.Finding"/>.</summary>
    Json,
}
