using MeshOps.Model;

namespace MeshOps.Tests.Model;

/// <summary>Known services as the caller writes them: name or name.namespace, alone or in a list file.</summary>
public class KnownServiceTests
{
    [Theory]
    [InlineData("jaeger-collector-headless", "jaeger-collector-headless", null)]
    [InlineData("backend.backend", "backend", "backend")]
    [InlineData(" api.9shop ", "api", "9shop")]
    public void A_name_and_an_optional_namespace_are_read(string text, string name, string? ns)
    {
        var known = KnownService.Parse(text, "test");

        Assert.Equal((name, ns, "test"), (known.Name, known.Namespace, known.Origin));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Api")]
    [InlineData("api.svc.cluster.local")]
    [InlineData("9api")]
    [InlineData("api.")]
    [InlineData("api_v2")]
    public void Anything_else_is_refused(string text)
    {
        Assert.Throws<ArgumentException>(() => KnownService.Parse(text, "test"));
    }

    [Fact]
    public void Without_a_namespace_it_matches_in_every_namespace()
    {
        var anywhere = KnownService.Parse("api", "test");
        var shop = KnownService.Parse("api.shop", "test");

        Assert.True(anywhere.Matches("api", "default") && anywhere.Matches("api", "shop"));
        Assert.True(shop.Matches("api", "shop"));
        Assert.False(shop.Matches("api", "default"));
        Assert.False(anywhere.Matches("apis", "default"));
    }

    [Theory]
    [InlineData("jaeger-collector\n# installed by the Jaeger chart\n\nbackend.backend  # kubectl -n backend\n")]
    [InlineData("- jaeger-collector\n- 'backend.backend'\n")]
    [InlineData("[\"jaeger-collector\", \"backend.backend\"]")]
    [InlineData("[jaeger-collector,\r\n backend.backend]")]
    public void A_list_file_may_be_lines_a_yaml_list_or_a_json_array(string text)
    {
        Assert.Equal(["jaeger-collector", "backend.backend"], KnownServiceList.Parse(text));
    }
}
