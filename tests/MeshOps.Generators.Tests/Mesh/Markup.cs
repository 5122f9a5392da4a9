using Microsoft.CodeAnalysis.Text;

namespace MeshOps.Generators.Tests.Mesh;

/// <summary>Source text with one span marked <c>[|like this|]</c>: the place a diagnostic must point at.</summary>
internal static class Markup
{
    public static (string Source, TextSpan Span) Parse(string marked)
    {
        var start = marked.IndexOf("[|", StringComparison.Ordinal);
        var end = marked.IndexOf("|]", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "the test source must mark one span with [| |]");
        var source = marked.Remove(end, 2).Remove(start, 2);
        return (source, TextSpan.FromBounds(start, end - 2));
    }
}
