using System.Globalization;
using MeshOps.Model;
using MeshOps.Sources;
using MeshOps.Sources.Files;

namespace MeshOps.Tests.Sources;

/// <summary>
/// SourceLocation writes itself into interpolated evidence lines without a string of its own; what it writes must be
/// exactly its ToString, whatever the buffer it is given.
/// </summary>
public class SourceLocationFormatTests
{
    [Theory]
    [InlineData("products-api.yaml", 12, 3, "products-api.yaml:12:3")]
    [InlineData("synthetic-4000.yaml", 1234567, 15, "synthetic-4000.yaml:1234567:15")]
    [InlineData("values.yaml", 0, 0, "values.yaml")]
    [InlineData("", 0, 0, "")]
    public void An_interpolated_location_reads_as_its_ToString(string file, int line, int column, string expected)
    {
        var location = new SourceLocation(file, line, column);

        Assert.Equal(expected, location.ToString());
        Assert.Equal(expected + ": x", $"{location}: x");
        Assert.Equal(expected, string.Format(CultureInfo.InvariantCulture, "{0}", location));
    }

    [Fact]
    public void A_location_longer_than_the_first_buffer_is_written_whole()
    {
        // The interpolation handler starts with a small buffer: TryFormat must say when it did not fit, not cut the name.
        var location = new SourceLocation(new string('d', 600) + "/deployment.yaml", 40, 7);

        Assert.Equal(location.ToString(), $"{location}");
        Assert.EndsWith("/deployment.yaml:40:7", $"{location}", StringComparison.Ordinal);
    }

    [Fact]
    public void An_interpolated_workload_reads_as_its_ToString_however_long_its_name()
    {
        var name = "api-" + new string('x', 240);
        var yaml = $"apiVersion: apps/v1\nkind: Deployment\nmetadata: {{name: {name}}}\nspec:\n  template:\n    metadata: {{labels: {{app: api}}}}\n    spec: {{containers: [{{name: c, image: i}}]}}\n";
        var workload = Assert.Single(MeshModelBuilder.Build(ManifestLoader.LoadText(yaml, "w.yaml")).Workloads);

        Assert.Equal($"Deployment/{name}", workload.ToString());
        Assert.Equal(workload.ToString() + " runs", $"{workload} runs");
    }
}
