using MeshOps.Analysis;
using MeshOps.Checks;
using MeshOps.Graph;
using MeshOps.Sources.Files;
using MeshOps.Tests.Analysis;

namespace MeshOps.Tests.Checks;

/// <summary>The intention matrix of HashiCups as a check suite: what each source must reach, and what must deny it.</summary>
public class CheckSuiteTests
{
    [Fact]
    public void Healthy_hashicups_expects_each_allowed_call_and_denies_the_rest()
    {
        var suite = Build(HashiCupsExample.Files());

        Assert.Equal(["frontend", "nginx", "payments", "postgres", "products-api", "public-api"], suite.Services);
        Assert.Equal(
            ["nginx -> frontend", "nginx -> public-api", "products-api -> postgres", "public-api -> payments", "public-api -> products-api"],
            suite.Sources.SelectMany(s => s.Reachable.Select(c => $"{s.Service} -> {c.To}")));
        Assert.Equal(["payments", "products-api", "public-api"], Source(suite, "public-api").NotDenied);
        Assert.Equal(["postgres"], Source(suite, "postgres").NotDenied);
        Assert.All(suite.Sources, s => Assert.Empty(s.Unchecked));
    }

    [Fact]
    public void A_call_the_intentions_deny_is_not_expected_to_be_reachable()
    {
        var suite = Build(HashiCupsExample.Files("MESH201-missing-intention"));

        Assert.DoesNotContain(Source(suite, "public-api").Reachable, c => c.To == "payments");
        Assert.DoesNotContain("payments", Source(suite, "public-api").NotDenied);
    }

    [Fact]
    public void A_pair_an_l7_intention_decides_is_left_unchecked_with_why()
    {
        var suite = Build(HashiCupsExample.Files("MESH204-l7-on-tcp"));
        var productsApi = Source(suite, "products-api");

        Assert.DoesNotContain(productsApi.Reachable, c => c.To == "postgres");
        Assert.Contains("postgres", productsApi.NotDenied);
        var skipped = Assert.Single(productsApi.Unchecked);
        Assert.Equal("postgres", skipped.To);
        Assert.Contains("L7", skipped.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pair_a_wildcard_source_allows_without_a_call_is_not_expected_to_be_denied()
    {
        using var folder = new TemporaryCopy(HashiCupsExample.Files());
        folder.Append("intentions.yaml", "    - name: \"*\"\n      action: allow\n");

        var suite = Build(folder.Files);

        // Every service may now reach postgres: a deny expected there would fail on the manifests the suite came from.
        var frontend = Source(suite, "frontend");
        Assert.Contains("postgres", frontend.NotDenied);
        Assert.Equal("postgres", Assert.Single(frontend.Unchecked).To);
        Assert.DoesNotContain(frontend.Reachable, c => c.To == "postgres");
    }

    private static CheckSuite Build(IReadOnlyList<string> files)
    {
        var (report, model) = MeshAnalyzer.AnalyzeWithModel(ManifestLoader.LoadPaths(files));
        return CheckSuite.Build(model, MeshGraphBuilder.Build(model, report));
    }

    private static CheckSuiteSource Source(CheckSuite suite, string service) => suite.Sources.Single(s => s.Service == service);

    private sealed class TemporaryCopy : IDisposable
    {
        private readonly string _folder = Directory.CreateTempSubdirectory("meshops-checks-").FullName;

        public TemporaryCopy(IEnumerable<string> files)
        {
            foreach (var file in files)
            {
                File.Copy(file, Path.Combine(_folder, Path.GetFileName(file)));
            }
        }

        public IReadOnlyList<string> Files => Directory.GetFiles(_folder).Order(StringComparer.Ordinal).ToList();

        public void Append(string name, string text) => File.AppendAllText(Path.Combine(_folder, name), text);

        public void Dispose() => Directory.Delete(_folder, recursive: true);
    }
}
