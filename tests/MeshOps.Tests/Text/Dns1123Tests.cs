using MeshOps.Rules.Text;

namespace MeshOps.Tests.Text;

public class Dns1123Tests
{
    [Theory]
    [InlineData("products-api", true)]
    [InlineData("a", true)]
    [InlineData("9lives", true)]
    [InlineData("Products", false)]
    [InlineData("-api", false)]
    [InlineData("api-", false)]
    [InlineData("my_api", false)]
    [InlineData("my.api", false)]
    [InlineData("", false)]
    public void Label_rule_matches_kubernetes(string name, bool expected)
    {
        Assert.Equal(expected, Dns1123.IsValidLabel(name));
    }

    [Fact]
    public void Labels_longer_than_63_characters_are_invalid()
    {
        Assert.True(Dns1123.IsValidLabel(new string('a', 63)));
        Assert.False(Dns1123.IsValidLabel(new string('a', 64)));
    }
}
