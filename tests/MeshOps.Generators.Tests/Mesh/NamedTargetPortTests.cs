using Microsoft.CodeAnalysis;

namespace MeshOps.Generators.Tests.Mesh;

/// <summary>
/// MESH101 at compile time for a ServicePort that targets a container port by name (TargetPortName), as a Service's
/// targetPort: http does in YAML: the name decides, not the number.
/// </summary>
public class NamedTargetPortTests
{
    /// <summary>The healthy mesh with web's container port 8080 named <paramref name="containerPortName"/> and its Service port targeting <paramref name="targetPortName"/>.</summary>
    private static string WebTargetingByName(string containerPortName, string targetPortName) =>
        MeshSources.HealthyWith("[ContainerPort(8080)]", $"[ContainerPort(8080, Name = \"{containerPortName}\")]")
            .Replace("[ServicePort(80, TargetPort = 8080)]", $"[ServicePort(80, TargetPortName = {targetPortName})]", StringComparison.Ordinal);

    [Fact]
    public async Task A_target_port_name_that_a_container_port_declares_is_not_reported()
    {
        var source = WebTargetingByName("http", "\"http\"");
        Assert.Contains("TargetPortName = \"http\"", source, StringComparison.Ordinal);

        Assert.Empty(await MeshCompilation.DiagnosticsAsync(source));
    }

    [Theory]
    [InlineData("http", "web")]
    [InlineData("http", "http2")]
    [InlineData("http", "htt")]
    public async Task A_target_port_name_that_no_container_port_declares_is_MESH101_on_the_name(string declared, string targeted)
    {
        var (source, span) = Markup.Parse(WebTargetingByName(declared, $"[|\"{targeted}\"|]"));

        var diagnostic = Assert.Single(await MeshCompilation.DiagnosticsAsync(source));

        Assert.Equal(("MESH101", DiagnosticSeverity.Error), (diagnostic.Id, diagnostic.Severity));
        Assert.Equal(span, diagnostic.Location.SourceSpan);
        Assert.StartsWith(
            $"Service web port 80 targets port {targeted}, which no container of Deployment/web declares (declared: 8080 ({declared})). No container of Deployment/web declares a port named '{targeted}', so Kubernetes leaves its pods out of the Service's endpoints",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_port_number_does_not_stand_in_for_a_name()
    {
        // Container port 8080 is named http; a targetPort naming "8080" names no port (Kubernetes reads it as a name).
        var (source, span) = Markup.Parse(WebTargetingByName("http", "[|\"8080\"|]"));

        var diagnostic = Assert.Single(await MeshCompilation.DiagnosticsAsync(source));

        Assert.Equal("MESH101", diagnostic.Id);
        Assert.Equal(span, diagnostic.Location.SourceSpan);
    }
}
