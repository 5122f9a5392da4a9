using MeshOps.Authoring;

namespace MeshOps.Tests.Authoring;

public class LabelSelectorTextTests
{
    [Theory]
    [InlineData("app=payments", "app=payments")]
    [InlineData("app=payments,tier=backend", "app=payments;tier=backend")]
    [InlineData(" app == payments , tier= ", "app=payments;tier=")]
    [InlineData("", "")]
    public void Equality_terms_are_read_as_labels(string text, string expected)
    {
        var labels = LabelSelectorText.Parse(text);

        Assert.Equal(expected, string.Join(";", labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}")));
    }

    [Theory]
    [InlineData("app")]
    [InlineData("app!=x")]
    [InlineData("tier in (a,b)")]
    [InlineData("=x")]
    [InlineData("app=x,")]
    [InlineData("app=a,app=b")]
    public void What_is_no_equality_selector_is_refused_naming_the_text(string text)
    {
        var refused = Assert.Throws<FormatException>(() => LabelSelectorText.Parse(text));

        Assert.Contains($"'{text}'", refused.Message, StringComparison.Ordinal);
    }
}
