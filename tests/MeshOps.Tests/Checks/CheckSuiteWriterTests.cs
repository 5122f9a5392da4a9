using MeshOps.Checks;

namespace MeshOps.Tests.Checks;

/// <summary>The suite as text: the Pester file people commit, so it must be stable, readable and safe to run.</summary>
public class CheckSuiteWriterTests
{
    private static readonly CheckSuite Suite = new(
        ["frontend", "nginx", "postgres"],
        [
            new CheckSuiteSource("frontend", "frontend", [], []) { NotDenied = ["frontend"] },
            new CheckSuiteSource("nginx", "nginx", [new CheckSuiteCall("frontend", null), new CheckSuiteCall("postgres", 5432), new CheckSuiteCall("postgres", 5433)], [])
            {
                NotDenied = ["frontend", "nginx", "postgres"],
            },
            new CheckSuiteSource("postgres", "postgres", [], []) { NotDenied = ["frontend", "nginx", "postgres"] },
        ]);

    private static readonly CheckSuiteOrigin FromFiles = new(["../k8s", "/abs/o'brien.yaml"], "../k8s, /abs/o'brien.yaml");

    [Fact]
    public void The_same_suite_is_written_as_the_same_text()
    {
        Assert.Equal(CheckSuiteWriter.Write(Suite, FromFiles), CheckSuiteWriter.Write(Suite with { }, FromFiles with { }));
    }

    [Fact]
    public void Each_allowed_call_is_an_it_that_asserts_it_is_reachable()
    {
        var text = CheckSuiteWriter.Write(Suite, FromFiles);

        Assert.Contains("    It 'nginx reaches frontend' {\n        Should -BeReachable -From 'nginx' -To 'frontend' @Mesh\n", text, StringComparison.Ordinal);
        Assert.Contains("    It 'nginx reaches postgres on port 5433' {\n        Should -BeReachable -From 'nginx' -To 'postgres' -Port 5433 @Mesh\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_source_has_one_it_asserting_every_other_service_denies_it()
    {
        var text = CheckSuiteWriter.Write(Suite, FromFiles);

        Assert.Contains(
            "    It 'frontend is denied everywhere else (zero trust)' {\n" +
            "        $others = $Services.Where({ $_ -notin 'frontend' })\n" +
            "        Test-MeshIntention -Source 'frontend' -Destination $others @Mesh -ErrorAction Stop | Should -BeDenied\n",
            text,
            StringComparison.Ordinal);
        // nginx may call everything and postgres is allowed to call nothing else: nginx has no deny check, postgres no Describe.
        Assert.DoesNotContain("'nginx is denied", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Describe 'postgres'", text, StringComparison.Ordinal);
        Assert.Single(text.Split('\n'), l => l == "Describe 'configuration' {");
    }

    [Fact]
    public void Paths_default_to_the_manifests_relative_ones_from_the_suite_folder()
    {
        var text = CheckSuiteWriter.Write(Suite, FromFiles);

        Assert.Contains("[string[]] $Path = @((Join-Path $PSScriptRoot '../k8s'), '/abs/o''brien.yaml'),", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_live_suite_reads_the_cluster_it_came_from_by_default()
    {
        var text = CheckSuiteWriter.Write(Suite, new CheckSuiteOrigin([], "the cluster of kubeconfig context prod", "prod", "/home/me/.kube/config", "shop"));

        Assert.Contains("[string[]] $Path = @(),", text, StringComparison.Ordinal);
        Assert.Contains("[string] $Context = 'prod',", text, StringComparison.Ordinal);
        Assert.Contains("[string] $Namespace = 'shop'", text, StringComparison.Ordinal);
        Assert.Contains("if ($Live -or -not $Path) {", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_cannot_break_out_of_its_quotes_or_its_comment()
    {
        var odd = new CheckSuite(
            ["a'b", "c"],
            [new CheckSuiteSource("a'b", "a'b", [new CheckSuiteCall("c", null)], [new CheckSuiteException("c\nRemove-Item /", "why")]) { NotDenied = ["a'b", "c"] }]);

        var text = CheckSuiteWriter.Write(odd, FromFiles);

        Assert.Contains("It 'a''b reaches c' {", text, StringComparison.Ordinal);
        Assert.Contains("    # Not checked: a'b -> c?Remove-Item /: why.\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\nRemove-Item", text, StringComparison.Ordinal);
    }
}
