using MeshOps.Rules.Text;

namespace MeshOps.Tests.Text;

public class NameSuggesterTests
{
    private static readonly string[] HashiCups = ["nginx", "frontend", "public-api", "products-api", "payments", "postgres"];

    [Theory]
    [InlineData("postgress", "postgres")]
    [InlineData("product-api", "products-api")]
    [InlineData("pubilc-api", "public-api")]
    [InlineData("paymnets", "payments")]
    public void Misspelled_service_gets_the_nearest_name(string typo, string expected)
    {
        Assert.Equal(expected, NameSuggester.Nearest(typo, HashiCups));
    }

    [Theory]
    [InlineData("redis")]
    [InlineData("db")]
    [InlineData("postgres")]
    public void Unrelated_or_exact_names_get_no_suggestion(string name)
    {
        Assert.Null(NameSuggester.Nearest(name, HashiCups));
    }

    [Fact]
    public void Adjacent_transposition_counts_as_one_edit()
    {
        Assert.Equal(1, NameSuggester.Distance("nigxn", "nignx"));
        // Optimal string alignment never edits a substring twice: 3 here, where unrestricted Damerau-Levenshtein gives 2.
        Assert.Equal(3, NameSuggester.Distance("ca", "abc"));
    }
}
