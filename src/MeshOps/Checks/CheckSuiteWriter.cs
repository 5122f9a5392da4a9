using System.Text;

namespace MeshOps.Checks;

/// <summary>
/// Writes a check suite as a Pester 5 file people read, edit and commit: a configuration check, then a Describe per
/// source service with an It per call it may make and one It saying every other service denies it. Each check goes
/// through the MeshOps cmdlets and Should operators, so the file holds expectations, never a copy of their logic.
/// </summary>
public static class CheckSuiteWriter
{
    private const string Indent = "    ";

    public static string Write(CheckSuite suite, CheckSuiteOrigin origin)
    {
        ArgumentNullException.ThrowIfNull(suite);
        ArgumentNullException.ThrowIfNull(origin);
        var text = new StringBuilder();
        WriteHeader(text, origin);
        WriteSetUp(text, suite);
        text.Append('\n')
            .Append("Describe 'configuration' {\n")
            .Append(Indent).Append("It 'has no mesh errors' {\n")
            .Append(Indent).Append(Indent).Append("Test-MeshConfig @Mesh -ErrorAction Stop | Should -HaveNoMeshFinding\n")
            .Append(Indent).Append("}\n")
            .Append("}\n");
        foreach (var source in suite.Sources)
        {
            WriteSource(text, suite, source);
        }

        return text.ToString();
    }

    private static void WriteHeader(StringBuilder text, CheckSuiteOrigin origin)
    {
        text.Append("<#\n")
            .Append("    Mesh checks written by New-MeshCheckSuite from ").Append(OneLine(origin.GeneratedFrom)).Append(".\n")
            .Append("    Every call an intention allows must get through; every other pair of mesh services must be denied (zero trust).\n")
            .Append("    Run:  Invoke-Pester -Container (New-PesterContainer -Path <this file> -Data @{ Path = '<other manifests>' })\n")
            .Append("    Live: Invoke-Pester -Container (New-PesterContainer -Path <this file> -Data @{ Live = $true; Context = '<context>' })\n")
            .Append("    Edit freely: regenerating writes the expectations of the manifests again, so review the diff.\n")
            .Append("#>\n")
            .Append("param(\n")
            .Append(Indent).Append(origin.Live ? "# The manifests to check instead of the cluster.\n" : "# The manifests to check; by default the ones the suite was generated from.\n")
            .Append(Indent).Append("[string[]] $Path = @(").Append(string.Join(", ", origin.Paths.Select(PathExpression))).Append("),\n")
            .Append(Indent).Append("# Checks the cluster of the current kubeconfig context (or -Context, -Kubeconfig) instead of manifests.\n")
            .Append(Indent).Append("[switch] $Live,\n")
            .Append(Indent).Append("[string] $Context").Append(origin.Context is null ? "" : " = " + Quote(origin.Context)).Append(",\n")
            .Append(Indent).Append("[string] $Kubeconfig").Append(origin.Kubeconfig is null ? "" : " = " + Quote(origin.Kubeconfig)).Append(",\n")
            .Append(Indent).Append("# Live: the namespace read; the context's by default.\n")
            .Append(Indent).Append("[string] $Namespace").Append(origin.Namespace is null ? "" : " = " + Quote(origin.Namespace)).Append('\n')
            .Append(")\n");
    }

    private static void WriteSetUp(StringBuilder text, CheckSuite suite)
    {
        text.Append('\n')
            .Append("BeforeAll {\n")
            .Append(Indent).Append("# The installed module; to check with a build, import its manifest first (Import-Module ./artifacts/MeshOps/MeshOps.psd1).\n")
            .Append(Indent).Append("if (-not (Get-Module MeshOps)) { Import-Module MeshOps -ErrorAction Stop }\n")
            .Append(Indent).Append("# What every check reads: the manifests, or the cluster with -Live or when no path is given.\n")
            .Append(Indent).Append("$Mesh = @{}\n")
            .Append(Indent).Append("if ($Live -or -not $Path) {\n")
            .Append(Indent).Append(Indent).Append("if ($Context) { $Mesh.Context = $Context }\n")
            .Append(Indent).Append(Indent).Append("if ($Kubeconfig) { $Mesh.Kubeconfig = $Kubeconfig }\n")
            .Append(Indent).Append(Indent).Append("if ($Namespace) { $Mesh.Namespace = $Namespace }\n")
            .Append(Indent).Append("}\n")
            .Append(Indent).Append("else {\n")
            .Append(Indent).Append(Indent).Append("$Mesh.Path = $Path\n")
            .Append(Indent).Append("}\n")
            .Append(Indent).Append("# The mesh services, as Consul names them: each source must be denied by all but the ones it may call.\n")
            .Append(Indent).Append("$Services = @(\n");
        foreach (var service in suite.Services)
        {
            text.Append(Indent).Append(Indent).Append(Quote(service)).Append('\n');
        }

        text.Append(Indent).Append(")\n")
            .Append("}\n");
    }

    private static void WriteSource(StringBuilder text, CheckSuite suite, CheckSuiteSource source)
    {
        var checksDenied = suite.Services.Except(source.NotDenied, StringComparer.Ordinal).Any();
        if (source.Reachable.Count == 0 && !checksDenied)
        {
            return;
        }

        text.Append('\n').Append("Describe ").Append(Quote(source.Service)).Append(" {\n");
        foreach (var call in source.Reachable)
        {
            var title = $"{source.Service} reaches {call.To}" + (call.Port is { } p ? $" on port {p}" : "");
            var port = call.Port is { } q ? $" -Port {q}" : "";
            text.Append(Indent).Append("It ").Append(Quote(title)).Append(" {\n")
                .Append(Indent).Append(Indent).Append("Should -BeReachable -From ").Append(Quote(source.Service)).Append(" -To ").Append(Quote(call.To)).Append(port).Append(" @Mesh\n")
                .Append(Indent).Append("}\n");
        }

        foreach (var skipped in source.Unchecked)
        {
            text.Append(Indent).Append("# Not checked: ").Append(OneLine($"{source.Service} -> {skipped.To}: {skipped.Reason}")).Append(".\n");
        }

        if (checksDenied)
        {
            text.Append(Indent).Append("It ").Append(Quote($"{source.Service} is denied everywhere else (zero trust)")).Append(" {\n")
                // One call answers the source against every other service: a pipeline of one object per pair cost a
                // thousand-service suite minutes.
                .Append(Indent).Append(Indent).Append("$others = $Services.Where({ $_ -notin ").Append(string.Join(", ", source.NotDenied.Select(Quote))).Append(" })\n")
                .Append(Indent).Append(Indent).Append("Test-MeshIntention -Source ").Append(Quote(source.ConsulName)).Append(" -Destination $others @Mesh -ErrorAction Stop | Should -BeDenied\n")
                .Append(Indent).Append("}\n");
        }

        text.Append("}\n");
    }

    /// <summary>A relative path is the suite's own folder's business; an absolute one is kept as given.</summary>
    private static string PathExpression(string path) =>
        Path.IsPathFullyQualified(path) ? Quote(path) : $"(Join-Path $PSScriptRoot {Quote(path)})";

    /// <summary>Text for a comment line: a line break or control character in a name must not end the comment.</summary>
    private static string OneLine(string value) => string.Concat(value.Select(c => char.IsControl(c) || c is '\u2028' or '\u2029' ? '?' : c));

    /// <summary>A PowerShell single-quoted string: nothing in it is expanded, and a quote is doubled.</summary>
    private static string Quote(string value) =>
        "'" + value.Replace("'", "''", StringComparison.Ordinal)
            .Replace("\u2018", "\u2018\u2018", StringComparison.Ordinal).Replace("\u2019", "\u2019\u2019", StringComparison.Ordinal)
            .Replace("\u201A", "\u201A\u201A", StringComparison.Ordinal).Replace("\u201B", "\u201B\u201B", StringComparison.Ordinal) + "'";
}
