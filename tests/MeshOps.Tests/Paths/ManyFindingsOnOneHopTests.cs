using MeshOps.Analysis;
using MeshOps.Paths;
using MeshOps.Sources;
using MeshOps.Sources.Files;
using MeshOps.Tests.Analysis;

namespace MeshOps.Tests.Paths;

/// <summary>
/// Findings about an intention's sources on the Intention hop of a path: an unknown source name concerns the path only
/// when the path's caller is that name or the one MESH202's "did you mean" names, since no other caller's call can
/// match it. An intention for "*" brings its findings to every path, so many may concern one hop: each appears once.
/// </summary>
public sealed class ManyFindingsOnOneHopTests
{
    internal const string DenyAllSource = "    - name: \"*\"\n      action: deny\n";
    private const string ProductsApiSource = "    - name: public-api\n      action: allow\n";

    private static (AnalysisReport Report, PathReport Path) Trace(string replace, string with, bool positions = true)
    {
        var paths = WithIntentions(replace, with, positions);
        return (paths.Report, paths.Trace("public-api", "products-api"));
    }

    /// <summary>HashiCups with one piece of its intentions.yaml replaced.</summary>
    internal static HashiCupsPaths WithIntentions(string replace, string with, bool positions = true)
    {
        var texts = HashiCupsExample.Files().Select(file =>
        {
            var text = File.ReadAllText(file);
            return Path.GetFileName(file) == "intentions.yaml" ? ReplaceOnce(text, replace, with) : text;
        });
        var manifests = ManifestLoader.LoadText(string.Join("\n---\n", texts), "hashicups.yaml");
        manifests = positions ? manifests : manifests with { Resources = [.. manifests.Resources.Select(WithoutPositions)] };
        var (report, model) = MeshAnalyzer.AnalyzeWithModel(manifests);
        return new HashiCupsPaths(model, report);
    }

    // As an object read from a cluster: every field is located at the object itself.
    private static ManifestResource WithoutPositions(ManifestResource resource) => new()
    {
        ApiVersion = resource.ApiVersion,
        Kind = resource.Kind,
        Name = resource.Name,
        Namespace = resource.Namespace,
        Location = resource.Location,
        Labels = resource.Labels,
        Annotations = resource.Annotations,
        Model = resource.Model,
    };

    private static string ReplaceOnce(string text, string replace, string with)
    {
        var at = text.IndexOf(replace, StringComparison.Ordinal);
        Assert.True(at >= 0, $"intentions.yaml no longer holds {replace}");
        return string.Concat(text.AsSpan(0, at), with, text.AsSpan(at + replace.Length));
    }

    internal static string Sources(IEnumerable<string> names, string action) => string.Concat(names.Select(n => $"    - name: {n}\n      action: {action}\n"));

    private static PathHop IntentionHop(PathReport path) => Assert.Single(path.Hops, h => h.Name == PathHopName.Intention);

    [Fact]
    public void Retired_services_in_the_deny_all_are_reported_but_warn_no_path()
    {
        var (report, path) = Trace(DenyAllSource, DenyAllSource + Sources(Enumerable.Range(0, 12).Select(i => $"retired-{i:D2}"), "deny"));

        Assert.Equal(12, report.Findings.Count(f => f.RuleId == "MESH202"));
        var intention = IntentionHop(path);
        Assert.Equal(PathHopStatus.Pass, intention.Status);
        Assert.Empty(intention.RuleIds);
    }

    [Fact]
    public void A_retired_caller_in_the_destination_s_own_intention_warns_no_other_caller_s_path()
    {
        var (_, path) = Trace(ProductsApiSource, ProductsApiSource + Sources(["legacy-shop"], "allow"));

        Assert.Equal(PathHopStatus.Pass, IntentionHop(path).Status);
        Assert.True(path.Passed);
    }

    [Fact]
    public void Without_positions_two_unknown_sources_of_one_intention_cannot_be_told_apart_and_stay_on_every_path()
    {
        var (report, path) = Trace(ProductsApiSource, ProductsApiSource + Sources(["legacy-shop", "legacy-admin"], "allow"), positions: false);

        Assert.Equal(2, report.Findings.Count(f => f.RuleId == "MESH202"));
        Assert.Contains("MESH202", IntentionHop(path).RuleIds);
    }

    [Fact]
    public void Without_positions_one_unknown_source_is_still_known_by_its_name()
    {
        var (_, path) = Trace(ProductsApiSource, ProductsApiSource + Sources(["legacy-shop"], "allow"), positions: false);

        Assert.Equal(PathHopStatus.Pass, IntentionHop(path).Status);
    }

    [Theory]
    [InlineData("destination")]
    [InlineData("remote")]
    public void Without_positions_a_finding_that_may_be_about_another_field_stays_on_every_path(string other)
    {
        // products-api's intention gains one undeclared local source; the other undeclared name is its destination
        // (a finding of its own) or a source from a peer (which the rule does not judge).
        var with = other == "destination"
            ? ProductsApiSource.Replace("public-api", "apix", StringComparison.Ordinal)
            : ProductsApiSource + "    - name: billing\n      peer: dc2\n      action: allow\n" + Sources(["apix"], "allow");
        var paths = WithIntentions(other == "destination" ? "    name: products-api\n  sources:\n" + ProductsApiSource : ProductsApiSource,
            other == "destination" ? "    name: products-apii\n  sources:\n" + with : with, positions: false);
        var copies = PathFindings.IntentionCopies(paths.Model);

        var callers = paths.Report.Findings.Where(f => f.RuleId == "MESH202")
            .ToDictionary(f => f.Message, f => PathFindings.CallersOf(copies, f, paths.Model.ConsulServiceNames, paths.Model.NearestServiceNames));

        if (other == "destination")
        {
            // Both findings point at the object: neither can be told to be about the source.
            Assert.Equal(2, callers.Count);
            Assert.All(callers.Values, Assert.Null);
        }
        else
        {
            // The peer's source is not the rule's business, so apix is the only undeclared local source.
            Assert.Equal(["apix"], Assert.Single(callers).Value!.Take(1));
        }
    }

    [Fact]
    public void A_caller_is_known_by_its_Service_s_name_and_by_each_workload_s_Consul_name()
    {
        var paths = HashiCupsPaths.Load();
        var service = paths.Model.Services.Single(s => s.Name == "public-api");
        var workloads = paths.Model.Workloads.Where(w => w.Name == "public-api").ToList();
        var source = new PathEnd("public-api", "default", "public-api-v2", service, workloads);

        Assert.Equal(["public-api-v2", "public-api"], PathFindings.CallerNames(source).Distinct());
    }

    [Fact]
    public void A_misspelt_caller_is_shown_on_that_caller_s_path_beside_the_denial_it_causes()
    {
        var (_, path) = Trace(ProductsApiSource, Sources(["public-apii"], "allow"));

        var intention = IntentionHop(path);
        Assert.Equal(PathHopName.Intention, path.RootCause);
        Assert.Contains("MESH202", intention.RuleIds);
        Assert.Contains(intention.Evidence, line => line.Contains("Did you mean 'public-api'?", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_finding_that_concerns_a_hop_appears_once_in_report_order()
    {
        // Twelve near misses of public-api in the deny-all: each is a typo of this path's caller.
        var typos = Enumerable.Range(0, 12).Select(i => $"public-api{(char)('a' + i)}").ToList();
        var (report, path) = Trace(DenyAllSource, DenyAllSource + Sources(typos, "deny"));

        var expected = report.Findings.Where(f => f.RuleId == "MESH202").Select(f => f.Message).ToList();
        Assert.Equal(typos.Count, expected.Count);
        var shown = IntentionHop(path).Evidence.Where(e => e.Contains("MESH202", StringComparison.Ordinal)).ToList();
        Assert.Equal(expected, shown.Select(line => expected.Single(message => line.Contains(message, StringComparison.Ordinal))));
    }
}
