using System.Text;
using MeshOps.Sources;
using MeshOps.Sources.Files;

namespace MeshOps.Tests.Sources;

/// <summary>
/// Issue 10: a large scalar behind a few levels of aliases passes the node limit but expands to gigabytes. The
/// expansion is bounded in characters and fails that document only. The shape is the issue's (four levels of ten
/// aliases over one big scalar), scaled down with the file-size limit so it runs fast.
/// </summary>
public class AliasExpansionSizeTests
{
    private const string GoodService = "apiVersion: v1\nkind: Service\nmetadata:\n  name: good\n";

    [Fact]
    public void A_large_scalar_repeated_by_aliases_is_a_limit_error_for_that_document_only()
    {
        // 10,000 copies of a 10 KB scalar: 100 MB once expanded, about 14 KB on disk and 11,000 nodes.
        var options = new LoaderOptions { MaxFileBytes = 64 * 1024 };
        var yaml = AliasedScalar(scalarChars: 10_000, levels: 4, fanOut: 10) + "---\n" + GoodService;

        var set = ManifestLoader.LoadText(yaml, "bomb.yaml", options);

        var error = Assert.Single(set.Errors);
        Assert.Equal(LoadErrorIds.TooManyNodes, error.ErrorId);
        Assert.Equal("bomb.yaml", error.Location.File);
        Assert.True(error.Location.Line > 0, error.ToString());
        Assert.Contains("aliases", error.Message, StringComparison.Ordinal);
        Assert.Equal("good", Assert.Single(set.Resources).Name);
    }

    [Fact]
    public void The_same_scalar_under_a_few_aliases_stays_within_the_default_bound()
    {
        var options = new LoaderOptions { MaxFileBytes = 64 * 1024 };
        var yaml = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n")
            .Append("  k0: &big \"").Append('x', 10_000).Append("\"\n");
        for (var i = 1; i < 10; i++)
        {
            yaml.Append($"  k{i}: *big\n");
        }

        var set = ManifestLoader.LoadText(yaml.ToString(), "few.yaml", options);

        Assert.Empty(set.Errors);
        Assert.Equal("big", Assert.Single(set.Resources).Name);
    }

    private static string AliasedScalar(int scalarChars, int levels, int fanOut)
    {
        var yaml = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n")
            .Append("  l0: &l0 \"").Append('x', scalarChars).Append("\"\n");
        for (var level = 1; level <= levels; level++)
        {
            yaml.Append($"  l{level}: &l{level} [{string.Join(", ", Enumerable.Repeat($"*l{level - 1}", fanOut))}]\n");
        }

        return yaml.ToString();
    }
}
