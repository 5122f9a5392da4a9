using MeshOps.Analysis;
using MeshOps.Sources;
using MeshOps.Sources.Files;

namespace MeshOps.Tests.Analysis.RuleBehaviour;

/// <summary>
/// MESH901, MESH902 and MESH903 read what a cluster reported. Each case edits one status field of a seeded dump, so
/// a rule that judged the wrong field, or judged without status, fails here.
/// </summary>
public sealed class RuntimeRuleTests
{
    private const string CrashLoop = "MESH901-payments-crashloop";
    private const string Sidecar = "MESH902-products-api-sidecar";
    private const string NotReady = "MESH903-postgres-not-ready";

    [Fact]
    public void A_running_ready_pod_is_no_finding()
    {
        var report = WithEdited(CrashLoop, "payments-pods.yaml", text => text
            .Replace("ready: false", "ready: true", StringComparison.Ordinal)
            .Replace("        waiting:\n          reason: CrashLoopBackOff\n          message: back-off 5m0s restarting failed container=payments\n", "        running:\n          startedAt: \"2026-12-02T08:00:00Z\"\n", StringComparison.Ordinal));

        Assert.Empty(report.Findings);
    }

    [Fact]
    public void A_container_that_cannot_start_for_a_missing_config_is_named_with_its_reason()
    {
        var report = WithEdited(CrashLoop, "payments-pods.yaml", text => text.Replace("CrashLoopBackOff", "CreateContainerConfigError", StringComparison.Ordinal));

        var finding = Assert.Single(report.Findings);
        Assert.Equal("MESH901", finding.RuleId);
        Assert.Contains("container payments waiting (CreateContainerConfigError, last run ended: Error), 7 restart(s)", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_container_running_again_after_a_crash_is_not_down()
    {
        // lastState.terminated is the previous run: the container runs now (not ready yet), so MESH901 has nothing to say.
        var report = WithEdited(CrashLoop, "payments-pods.yaml", text => text
            .Replace("        waiting:\n          reason: CrashLoopBackOff\n          message: back-off 5m0s restarting failed container=payments\n", "        running:\n          startedAt: \"2026-12-02T08:00:00Z\"\n", StringComparison.Ordinal));

        Assert.DoesNotContain(report.Findings, f => f.RuleId == "MESH901");
    }

    [Fact]
    public void A_container_stopped_now_is_named_with_the_reason_it_stopped()
    {
        var report = WithEdited(CrashLoop, "payments-pods.yaml", text => text
            .Replace("        waiting:\n          reason: CrashLoopBackOff\n          message: back-off 5m0s restarting failed container=payments\n", "        terminated:\n          reason: OOMKilled\n          exitCode: 137\n", StringComparison.Ordinal));

        var finding = Assert.Single(report.Findings, f => f.RuleId == "MESH901");
        Assert.Contains("container payments terminated (OOMKilled), 7 restart(s)", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_container_waiting_for_its_pod_to_start_is_not_its_fault()
    {
        var report = WithEdited(CrashLoop, "payments-pods.yaml", text => text.Replace("reason: CrashLoopBackOff", "reason: PodInitializing", StringComparison.Ordinal));

        Assert.Empty(report.Findings);
    }

    [Fact]
    public void A_crashing_app_is_not_reported_as_a_sidecar_that_is_not_ready()
    {
        var report = HashiCupsExample.Analyze(CrashLoop);

        Assert.DoesNotContain(report.Findings, f => f.RuleId == "MESH902");
    }

    [Fact]
    public void A_ready_sidecar_is_no_finding()
    {
        var report = WithEdited(Sidecar, "products-api-pods.yaml", text => text.Replace("ready: false", "ready: true", StringComparison.Ordinal));

        Assert.Empty(report.Findings);
    }

    [Fact]
    public void A_pod_the_workload_does_not_select_is_not_its_pod()
    {
        var report = WithEdited(Sidecar, "products-api-pods.yaml", text => text.Replace("    app: products-api\n    pod-template-hash", "    app: other\n    pod-template-hash", StringComparison.Ordinal));

        Assert.DoesNotContain(report.Findings, f => f.RuleId == "MESH902");
    }

    [Fact]
    public void A_Service_with_one_ready_address_is_no_finding()
    {
        var report = WithEdited(NotReady, "postgres-endpoints.yaml", text => text.Replace("  - notReadyAddresses:", "  - addresses:\n      - ip: 10.244.0.22\n    notReadyAddresses:", StringComparison.Ordinal));

        Assert.Empty(report.Findings);
    }

    [Fact]
    public void Manifests_without_status_give_no_runtime_finding()
    {
        var report = HashiCupsExample.Analyze();

        Assert.DoesNotContain(report.Findings, f => f.RuleId.StartsWith("MESH9", StringComparison.Ordinal));
    }

    /// <summary>The fault laid over healthy, with one of its files edited.</summary>
    private static AnalysisReport WithEdited(string fault, string file, Func<string, string> edit)
    {
        var files = HashiCupsExample.Files(fault);
        var edited = files.Single(f => Path.GetFileName(f) == file);
        var text = edit(File.ReadAllText(edited));
        Assert.NotEqual(File.ReadAllText(edited), text);
        var manifests = ManifestSet.Merge(
            ManifestLoader.LoadPaths(files.Where(f => f != edited).ToList()),
            ManifestLoader.LoadText(text, file));
        Assert.Empty(manifests.Errors);
        return MeshAnalyzer.Analyze(manifests);
    }
}
