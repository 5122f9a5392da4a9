using System.Text.RegularExpressions;
using MeshOps.Analysis;
using MeshOps.Model;
using MeshOps.Rules.Catalog;
using MeshOps.Sources.Files;

namespace MeshOps.Tests.Precision;

/// <summary>
/// The acceptance oracle of issue 9 on the seven wild sets: every row of ../shared/reference/wild/VERDICTS.md (read
/// at test time) holds on today's findings, the faults the expert found missed are found, and the file MeshOps
/// failed to load is read as kubectl reads it.
/// </summary>
public class WildVerdictTests
{
    private const string PermissiveMtls = "wild/hashicorp-education__learn-consul-permissive-mtls";
    private const string Applications = "wild/panchal-ravi__consul-k8s-multi-cluster-peering/examples/applications";

    public static TheoryData<string, string, string, string, string> Rows => Oracle.RowsOf("VERDICTS");

    [Theory]
    [MemberData(nameof(Rows))]
    public void Expert_verdict_holds(string row, string verdict, string rule, string resource, string at)
    {
        var judged = Oracle.Row("VERDICTS", row);
        Assert.Equal((judged.Verdict.Label(), judged.RuleId, judged.Resource, judged.At), (verdict, rule, resource, at));
        VerdictAssert.Holds(judged);
    }

    [Fact]
    public void Verdicts_file_is_read_whole()
    {
        // 32 judged findings in 7 sets (its Totals section): a parser that skips rows would weaken every test above.
        var rows = Oracle.Rows.Where(r => r.Source == "VERDICTS").ToList();
        Assert.Equal(32, rows.Count);
        Assert.Equal(7, rows.Select(r => r.SetFolder).Distinct().Count());
        Assert.Equal([7, 21, 4], [rows.Count(r => r.Verdict == Verdict.True), rows.Count(r => r.Verdict == Verdict.False), rows.Count(r => r.Verdict == Verdict.PartialInput)]);
    }

    [Fact]
    public void Missed_same_name_ServiceIntentions_with_two_destinations_is_reported_naming_both_files()
    {
        // consul-k8s serviceintentions_webhook.go: on UPDATE a changed spec.destination.name is rejected as immutable,
        // so whichever of the two files is applied second never syncs.
        var report = Oracle.Run(PermissiveMtls);

        Assert.Contains(report.Findings, f => f.Severity >= Severity.Warning
            && f.Resource.ToString() == "ServiceIntentions/default/public-api"
            && Names(f, "intentions-public-products-api.yaml") && Names(f, "intentions-new-services.yaml"));
    }

    [Fact]
    public void Missed_reason_of_the_frontend_port_fault_names_the_registered_port()
    {
        // The app listens on 9090 (LISTEN_ADDR, probes) but declares containerPort 8080: consul-k8s registers 8080
        // (mesh_webhook.go defaultAnnotations) and Envoy forwards inbound traffic there. kube-proxy is not the cause.
        var finding = Assert.Single(Oracle.Run($"{Applications}/external-service-demo-default").Findings,
            f => f.RuleId == "MESH101" && Oracle.RelativeFile(f).EndsWith("/frontend.yml", StringComparison.Ordinal));

        Assert.Matches(new Regex("regist[^.]*8080", RegexOptions.IgnoreCase), finding.Message);
        Assert.Contains("9090", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotMatch(new Regex("kube-proxy[^.]*nothing listens", RegexOptions.IgnoreCase), finding.Message);
    }

    [Fact]
    public void Missed_multi_port_web_pod_is_in_the_model_and_selected_by_web_and_web_admin()
    {
        var model = MeshModelBuilder.Build(ManifestLoader.LoadPaths([ReferenceData.Path($"{Applications}/multi-port")]));

        var web = Assert.Single(model.Workloads, w => w.Kind == "Deployment" && w.Name == "web");
        Assert.EndsWith("web-fakeservice.yaml", web.Resource.Location.File, StringComparison.Ordinal);
        Assert.Equal(["web", "web-admin"], model.ServicesSelecting(web).Select(s => s.Name).Distinct().Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("multi-port set")]
    [InlineData("whole repository")]
    public void Duplicate_key_that_kubectl_accepts_is_no_load_error(string readAs)
    {
        // sigs.k8s.io/yaml uses go-yaml v2 without strict mode: a repeated key keeps its last value (setMapIndex).
        var set = readAs == "multi-port set" ? $"{Applications}/multi-port" : "wild/panchal-ravi__consul-k8s-multi-cluster-peering";
        var errors = Oracle.Run(set).LoadErrors.Where(e => e.Location.File.EndsWith("web-fakeservice.yaml", StringComparison.Ordinal));

        Assert.Empty(errors);
    }

    private static bool Names(Finding finding, string file) =>
        finding.File.EndsWith(file, StringComparison.Ordinal)
        || finding.Message.Contains(file, StringComparison.Ordinal)
        || finding.Evidence.Any(e => e.Location.File.EndsWith(file, StringComparison.Ordinal));
}
