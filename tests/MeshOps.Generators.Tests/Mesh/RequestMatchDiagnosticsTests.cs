using System.Globalization;
using System.Reflection;
using MeshOps.Authoring;
using MeshOps.Consul;
using Microsoft.CodeAnalysis;

namespace MeshOps.Generators.Tests.Mesh;

/// <summary>
/// MESH706: an L7 request match Consul refuses fails the build, on the call that declares it, with the message the
/// typed mesh's Build() and New-MeshIntention's composer throw for the same match.
/// </summary>
public class RequestMatchDiagnosticsTests
{
    private const string Get = "System.Net.Http.HttpMethod.Get";

    public static TheoryData<string, Action<HttpMatch>> Refused => new()
    {
        { ".Allow<Web, Api>(http => http.PathExact(\"/a\").[|PathPrefix|](\"/b\"))", h => h.PathExact("/a").PathPrefix("/b") },
        { ".Allow<Web, Api>(http => http.PathPrefix(\"/a\").[|PathRegex|](\"^/b\"))", h => h.PathPrefix("/a").PathRegex("^/b") },
        { ".Deny<Web, Api>(http => http.[|PathPrefix|](\"api\"))", h => h.PathPrefix("api") },
        { $".Allow<Web, Api>(http => http.PathPrefix(\"/\").[|Methods|]({Get}, {Get}))", h => h.PathPrefix("/").Methods(HttpMethod.Get, HttpMethod.Get) },
        { ".Allow<Web, Api>(http => http.[|Methods|](new System.Net.Http.HttpMethod(\"PURGE\")))", h => h.Methods(new HttpMethod("PURGE")) },
        { ".Allow<Web, Api>(http => http.[|Header|](\"x-tenant\", h => h.Exact(\"a\").Prefix(\"b\")))", h => h.Header("x-tenant", m => m.Exact("a").Prefix("b")) },
        { ".Allow<Web, Api>(http => http.[|Header|](\"x-tenant\", h => h.Present().IgnoreCase()))", h => h.Header("x-tenant", m => m.Present().IgnoreCase()) },
        { ".[|Allow<Web, Api>|](http => { })", _ => { } },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_refused_match_is_MESH706_on_its_call_with_the_message_Build_and_the_composer_throw(string intention, Action<HttpMatch> same)
    {
        var (source, span) = Markup.Parse(MeshSources.L7(intention));
        var compilation = MeshCompilation.Create(source);

        var diagnostic = Assert.Single(await MeshCompilation.DiagnosticsAsync(compilation), d => d.Id == "MESH706");

        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(span, diagnostic.Location.SourceSpan);
        var message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
        Assert.StartsWith("Sources[0].Permissions[0].HTTP", message, StringComparison.Ordinal);
        var composed = Assert.Throws<InvalidIntentionException>(() => IntentionComposer.Compose(
            new IntentionRequest("api", ["web"]) { PermissionAction = IntentionAction.Allow, Http = same }));
        Assert.Equal(composed.Message, message);
        Assert.Equal(message, BuildError(compilation).Message);
    }

    [Fact]
    public async Task The_source_and_permission_indexes_are_those_of_the_ServiceIntentions_the_mesh_writes()
    {
        // api's ServiceIntentions: web (L4) is Sources[0], admin's list Sources[1]; the refused match is its second permission.
        var (source, span) = Markup.Parse(MeshSources.Mesh(
            MeshSources.Web,
            MeshSources.Api,
            """
                [MeshService("admin", Protocol = MeshProtocol.Http)] [ContainerPort(7000)] [ServicePort(7000)]
                public partial class Admin;
            """,
            """
                protected override void Configure(IntentionBuilder<DemoMesh> intentions) => intentions
                    .DenyAll()
                    .Allow<Web, Api>()
                    .Permissions<Admin, Api>(p => p.Allow(http => http.PathPrefix("/admin")).Deny(http => http.[|PathExact|]("keys")));
            """));
        var compilation = MeshCompilation.Create(source);

        var diagnostic = Assert.Single(await MeshCompilation.DiagnosticsAsync(compilation));

        Assert.Equal("MESH706", diagnostic.Id);
        Assert.Equal(span, diagnostic.Location.SourceSpan);
        Assert.Equal("Sources[1].Permissions[1].HTTP.PathExact doesn't start with '/': \"keys\".", diagnostic.GetMessage(CultureInfo.InvariantCulture));
        Assert.Equal(diagnostic.GetMessage(CultureInfo.InvariantCulture), BuildError(compilation).Message);
    }

    [Theory]
    [InlineData(".Allow<Web, Api>(http => http.PathPrefix(\"/api\").Methods(System.Net.Http.HttpMethod.Get, System.Net.Http.HttpMethod.Patch).Header(\"x\", h => h.Suffix(\"-prod\").IgnoreCase()))")]
    [InlineData(".Allow<Web, Api>(http => http.PathPrefix(Prefix))\n        ;\n\n    private static readonly string Prefix = \"api\"")]
    [InlineData(".Allow<Web, Api>(http => { if (Strict) http.PathExact(\"/a\"); else http.PathPrefix(\"/a\"); })\n        ;\n\n    private static readonly bool Strict = true")]
    public async Task A_valid_match_or_one_whose_values_are_not_constant_is_not_reported(string intention)
    {
        var diagnostics = await MeshCompilation.DiagnosticsAsync(MeshSources.L7(intention));

        Assert.DoesNotContain(diagnostics, d => d.Id == "MESH706");
        Assert.DoesNotContain(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void The_typed_mesh_and_the_composer_write_the_same_L7_intention()
    {
        var compilation = MeshCompilation.Create(MeshSources.L7(".Allow<Web, Api>(http => http.PathPrefix(\"/api\").Methods(System.Net.Http.HttpMethod.Get).Header(\"x-tenant\", h => h.Exact(\"a\")))"));
        var resources = (MeshResources)Run(compilation);

        var typed = resources.ServiceIntentions.Single(i => i.Metadata.Name == "api");
        var composed = IntentionComposer.Compose(new IntentionRequest("api", ["web"])
        {
            PermissionAction = IntentionAction.Allow,
            Http = h => h.PathPrefix("/api").Methods(HttpMethod.Get).Header("x-tenant", m => m.Exact("a")),
        });

        Assert.Equal(ManifestYamlWriter.Write([composed]), ManifestYamlWriter.Write([typed]));
    }

    private static InvalidIntentionException BuildError(Compilation compilation)
    {
        var error = Assert.Throws<TargetInvocationException>(() => Run(compilation));
        return Assert.IsType<InvalidIntentionException>(error.InnerException);
    }

    private static object Run(Compilation compilation)
    {
        var (output, _) = MeshCompilation.Generate(compilation);
        using var image = new MemoryStream();
        var emitted = output.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        var mesh = Assembly.Load(image.ToArray()).GetType("Demo.DemoMesh", throwOnError: true)!;
        return mesh.GetMethod("Build")!.Invoke(Activator.CreateInstance(mesh), null)!;
    }
}
