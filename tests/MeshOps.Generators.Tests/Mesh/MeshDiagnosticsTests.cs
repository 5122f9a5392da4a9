using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace MeshOps.Generators.Tests.Mesh;

public class MeshDiagnosticsTests
{
    public static TheoryData<string, DiagnosticSeverity, string> Mistakes => new()
    {
        // A mesh pod is registered on its first container port; a numeric targetPort elsewhere only disagrees (Warning).
        { "MESH101", DiagnosticSeverity.Warning, MeshSources.HealthyWith("[ServicePort(80, TargetPort = 8080)]", "[ServicePort(80, TargetPort = [|8081|])]") },
        { "MESH101", DiagnosticSeverity.Error, MeshSources.HealthyWith("[ServicePort(80, TargetPort = 8080)]", "[ServicePort(80, TargetPortName = [|\"web\"|])]") },
        { "MESH101", DiagnosticSeverity.Warning, MeshSources.HealthyWith("[ServicePort(9090)]", "[ServicePort([|9091|])]") },
        // The app's only bind address is 9092, but consul-k8s registers (and Envoy forwards to) 9090, the first port.
        { "MESH101", DiagnosticSeverity.Error, MeshSources.HealthyWith("[ContainerPort(9090)]", "[ContainerPort(9090)]\n    [ContainerPort(9092, BindAddress = \"0.0.0.0\")]").Replace("[ServicePort(9090)]", "[ServicePort([|9091|])]", StringComparison.Ordinal) },
        { "MESH103", DiagnosticSeverity.Warning, MeshSources.HealthyWith("[ContainerPort(9090)]", "[ContainerPort(9090, BindAddress = [|\"127.0.0.1\"|])]") },
        { "MESH105", DiagnosticSeverity.Warning, MeshSources.HealthyWith("[Upstream(typeof(Api))]", "[Upstream(typeof(Api), Port = [|9091|])]") },
        { "MESH201", DiagnosticSeverity.Error, MeshSources.HealthyWith("[Upstream(typeof(Api))]", "[Upstream([|typeof(Api)|])]").Replace(".Allow<Web, Api>()", "", StringComparison.Ordinal) },
        { "MESH201", DiagnosticSeverity.Error, MeshSources.HealthyWith(".Allow<Web, Api>()", ".Deny<Web, Api>()").Replace("[Upstream(typeof(Api))]", "[Upstream([|typeof(Api)|])]", StringComparison.Ordinal).Replace(".DenyAll()", "", StringComparison.Ordinal) },
        { "MESH201", DiagnosticSeverity.Warning, MeshSources.L7(".Allow<Web, Api>(http => http.PathPrefix(\"/api\").Methods(System.Net.Http.HttpMethod.Get))").Replace("[Upstream(typeof(Api))]", "[Upstream([|typeof(Api)|])]", StringComparison.Ordinal) },
        { "MESH201", DiagnosticSeverity.Warning, MeshSources.L7(".Deny<Web, Api>(http => http.PathPrefix(\"/admin\"))").Replace("[Upstream(typeof(Api))]", "[Upstream([|typeof(Api)|])]", StringComparison.Ordinal) },
        { "MESH203", DiagnosticSeverity.Error, MeshSources.HealthyWith(".Allow<Web, Api>();", ".Allow<Web, Api>()\n        .[|Allow<Web, Api>|]();") },
        { "MESH204", DiagnosticSeverity.Error, MeshSources.L7OnTcp("Protocol = MeshProtocol.Tcp, ", ".[|Allow<Web, Api>|](http => http.PathPrefix(\"/\"))") },
        { "MESH204", DiagnosticSeverity.Error, MeshSources.L7OnTcp(string.Empty, ".[|Deny<Web, Api>|](http => http.Methods(System.Net.Http.HttpMethod.Delete))") },
        { "MESH204", DiagnosticSeverity.Error, MeshSources.L7OnTcp(string.Empty, ".[|Permissions<Web, Api>|](p => p.Deny(http => http.PathPrefix(\"/admin\")).Allow(http => http.PathPrefix(\"/\")))") },
        { "MESH204", DiagnosticSeverity.Error, MeshSources.L7OnTcp(string.Empty, ".[|Permissions<Web, Api>|](Rules);\n\n    private static void Rules(HttpPermissions p) => p.Allow(http => http.PathPrefix(\"/\"))") },
        { "MESH301", DiagnosticSeverity.Error, MeshSources.HealthyWith("[MeshService(\"api\", Protocol = MeshProtocol.Http, Image = \"example/api:1\")]", "[MeshService(\"api\", Protocol = [|MeshProtocol.Grpc|], Image = \"postgres:16\")]") },
        { "MESH402", DiagnosticSeverity.Warning, MeshSources.HealthyWith("public partial class Api;", "[ServiceAccount(AutomountToken = [|false|])]\n    public partial class Api;") },
        { "MESH701", DiagnosticSeverity.Error, MeshSources.HealthyWith("[MeshService(\"api\"", "[MeshService([|\"Api_Service\"|]") },
        { "MESH701", DiagnosticSeverity.Error, MeshSources.HealthyWith("[MeshService(\"api\"", "[MeshService([|\"2fa\"|]") },
        { "MESH702", DiagnosticSeverity.Error, MeshSources.HealthyWith("[ContainerPort(9090)]", "[ContainerPort(9090)]\n    [ContainerPort([|70000|])]") },
        { "MESH702", DiagnosticSeverity.Error, MeshSources.HealthyWith("[Upstream(typeof(Api))]", "[Upstream(typeof(Api), Port = [|-1|])]") },
        { "MESH703", DiagnosticSeverity.Error, MeshSources.HealthyWith("[MeshService(\"api\"", "[MeshService([|\"web\"|]") },
        { "MESH704", DiagnosticSeverity.Error, MeshSources.HealthyWith("[Upstream(typeof(Api))]", "[Upstream(typeof(Api))]\n    [Upstream([|typeof(string)|])]") },
        { "MESH705", DiagnosticSeverity.Error, MeshSources.Healthy + "\n\n[[|MeshService(\"stray\")|]]\npublic partial class Stray;" },
    };

    [Fact]
    public async Task Healthy_mesh_and_its_generated_code_compile_without_any_diagnostic()
    {
        var diagnostics = await MeshCompilation.DiagnosticsAsync(MeshSources.Healthy);

        Assert.Empty(diagnostics);
    }

    [Theory]
    [MemberData(nameof(Mistakes))]
    public async Task Each_mistake_is_reported_once_on_the_offending_argument_or_call(string id, DiagnosticSeverity severity, string marked)
    {
        var (source, span) = Markup.Parse(marked);

        var diagnostics = await MeshCompilation.DiagnosticsAsync(source);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(severity, diagnostic.Severity);
        Assert.Equal(MeshCompilation.SourcePath, diagnostic.Location.SourceTree?.FilePath);
        Assert.Equal(span, diagnostic.Location.SourceSpan);
    }

    [Fact]
    public async Task Messages_use_the_catalogue_wording_with_the_fix_and_confirm_command_attached()
    {
        var (source, _) = Markup.Parse(MeshSources.HealthyWith("[ServicePort(80, TargetPort = 8080)]", "[ServicePort(80, TargetPort = [|8081|])]"));

        var diagnostic = Assert.Single(await MeshCompilation.DiagnosticsAsync(source));

        // The shared check words the case (a mesh pod registered on 8080 whose listener is unknown); the catalogue frames it.
        var rule = Rules.Catalog.RuleCatalog.TargetPortMismatch;
        var message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.StartsWith("Service web port 80 targets port 8081, which no container of Deployment/web declares (declared: 8080). Deployment/web is in the mesh (annotation consul.hashicorp.com/connect-inject at ", message, StringComparison.Ordinal);
        Assert.Contains("consul-k8s registers web on port 8080 (the first containerPort of container web)", message, StringComparison.Ordinal);
        Assert.Equal("Set targetPort of port 80 in Service web to 8080, the port consul-k8s registers, or, if the app listens on 8081, declare containerPort 8081 first in Deployment/web.", diagnostic.Properties["Fix"]);
        Assert.Equal(rule.FormatConfirm("web", "default"), diagnostic.Properties["Confirm"]);
    }

    [Fact]
    public async Task Denied_upstream_names_the_deny_all_call_that_decided()
    {
        var source = MeshSources.Healthy.Replace(".Allow<Web, Api>()", "", StringComparison.Ordinal);

        var diagnostic = Assert.Single(await MeshCompilation.DiagnosticsAsync(source));

        Assert.Equal("MESH201", diagnostic.Id);
        var denyAllLine = source.Split('\n').ToList().FindIndex(l => l.Contains(".DenyAll()", StringComparison.Ordinal)) + 1;
        Assert.Contains($"Mesh.cs({denyAllLine},", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("Protocol = MeshProtocol.Tcp, ", "MeshProtocol.Tcp")]
    [InlineData("", "MeshService(\"api\"")]
    public async Task L7_permissions_on_a_tcp_destination_have_the_runtime_message(string protocol, string setAt)
    {
        var source = MeshSources.L7OnTcp(protocol, ".Allow<Web, Api>(http => http.PathPrefix(\"/\"))");

        var diagnostic = Assert.Single(await MeshCompilation.DiagnosticsAsync(source));

        // As the runtime words a ServiceDefaults protocol, with the C# position where the mesh's one is decided: the
        // Protocol argument, or the [MeshService] attribute that leaves it out (so the mesh writes tcp).
        var rule = Rules.Catalog.RuleCatalog.L7PermissionsOnTcp;
        var args = new object[] { "api", "api", "web", $"tcp (set in ServiceDefaults api at {Position(source, setAt)})", "default" };
        Assert.Equal(rule.FormatMessage(args), diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(rule.FormatFix(args), diagnostic.Properties["Fix"]);
        Assert.Equal(rule.FormatConfirm(args), diagnostic.Properties["Confirm"]);
    }

    [Fact]
    public async Task An_L7_intention_on_an_upstream_whose_requests_are_unknown_is_a_warning_that_names_the_call()
    {
        var source = MeshSources.L7(".Permissions<Web, Api>(p => p.Allow(http => http.PathPrefix(\"/api\")))");

        var diagnostic = Assert.Single(await MeshCompilation.DiagnosticsAsync(source));

        Assert.Equal(("MESH201", DiagnosticSeverity.Warning), (diagnostic.Id, diagnostic.Severity));
        var message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        var callLine = source.Split('\n').ToList().FindIndex(l => l.Contains(".Permissions<Web, Api>", StringComparison.Ordinal)) + 1;
        Assert.Contains($"Mesh.cs({callLine},", message, StringComparison.Ordinal);
        Assert.Contains("only requests matching an allow permission get through", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_L7_intention_behind_an_exact_L4_deny_is_not_what_decides()
    {
        // The exact deny and the L7 source are both precedence 9 for web → api; Consul rejects the duplicate (MESH203),
        // and the first source decides the call (MESH201 as an error, not the L7 warning).
        var source = MeshSources.L7(".Deny<Web, Api>()\n        .Allow<Web, Api>(http => http.PathPrefix(\"/api\"))").Replace(".DenyAll()", "", StringComparison.Ordinal);

        var diagnostics = await MeshCompilation.DiagnosticsAsync(source);

        Assert.Equal(
            [("MESH201", DiagnosticSeverity.Error), ("MESH203", DiagnosticSeverity.Error)],
            diagnostics.Select(d => (d.Id, d.Severity)).Order());
    }

    [Fact]
    public async Task Pragma_warning_disable_silences_a_rule_on_that_declaration_only()
    {
        const string mistake = "[ServicePort(80, TargetPort = 8081)]";
        var reported = MeshSources.HealthyWith("[ServicePort(80, TargetPort = 8080)]", mistake);
        var disabled = reported.Replace(mistake, "#pragma warning disable MESH101\n    " + mistake + "\n#pragma warning restore MESH101", StringComparison.Ordinal);

        Assert.Equal("MESH101", Assert.Single(await MeshCompilation.DiagnosticsAsync(reported)).Id);
        Assert.Empty(await MeshCompilation.DiagnosticsAsync(disabled));
    }

    [Theory]
    [InlineData("warning", DiagnosticSeverity.Warning)]
    [InlineData("suggestion", DiagnosticSeverity.Info)]
    [InlineData("error", DiagnosticSeverity.Error)]
    public async Task Editorconfig_severity_overrides_the_catalogue_severity(string configured, DiagnosticSeverity expected)
    {
        var source = MeshSources.HealthyWith("[ServicePort(9090)]", "[ServicePort(9091)]");
        var editorconfig = $"""
            root = true

            [*.cs]
            dotnet_diagnostic.MESH101.severity = {configured}
            """;

        var compilation = MeshCompilation.Create([source], EditorConfigOptions.Parse(editorconfig, "/src/.editorconfig"));
        var diagnostic = Assert.Single(await MeshCompilation.DiagnosticsAsync(compilation));

        Assert.Equal("MESH101", diagnostic.Id);
        Assert.Equal(expected, diagnostic.Severity);
    }

    [Fact]
    public async Task Editorconfig_severity_none_removes_the_diagnostic()
    {
        var source = MeshSources.HealthyWith("[ServicePort(9090)]", "[ServicePort(9091)]");
        var editorconfig = """
            is_global = true
            dotnet_diagnostic.MESH101.severity = none
            """;

        var compilation = MeshCompilation.Create([source], EditorConfigOptions.Parse(editorconfig, "/src/.globalconfig"));

        Assert.Empty(await MeshCompilation.DiagnosticsAsync(compilation));
    }

    [Fact]
    public async Task An_intention_naming_a_class_that_is_not_a_declared_service_does_not_compile()
    {
        var (source, span) = Markup.Parse(MeshSources.HealthyWith(
            ".Allow<Web, Api>();",
            ".Allow<Web, Api>()\n        .[|Allow<Web, Payments>|]();\n\n    public sealed class Payments;"));

        var diagnostics = await MeshCompilation.DiagnosticsAsync(source);

        var error = Assert.Single(diagnostics);
        Assert.Equal("CS0311", error.Id);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Equal(span, error.Location.SourceSpan);
    }

    [Fact]
    public async Task An_intention_naming_a_service_of_another_mesh_does_not_compile()
    {
        var other = """
            public partial class OtherMesh : MeshDefinition<OtherMesh>
            {
                [MeshService("billing")]
                [ContainerPort(7000)]
                public partial class Billing;

                protected override void Configure(IntentionBuilder<OtherMesh> intentions) => intentions.DenyAll();
            }
            """;
        var (source, span) = Markup.Parse(MeshSources.HealthyWith(".Allow<Web, Api>();", ".Allow<Web, Api>()\n        .[|Allow<Web, OtherMesh.Billing>|]();") + "\n" + other);

        var diagnostics = await MeshCompilation.DiagnosticsAsync(source);

        var error = Assert.Single(diagnostics);
        Assert.Equal("CS0311", error.Id);
        Assert.Equal(span, error.Location.SourceSpan);
    }

    [Fact]
    public void Every_reported_id_comes_from_the_shared_catalogue_with_its_wording_and_severity()
    {
        var analyzer = new MeshOps.Generators.Mesh.MeshDeclarationAnalyzer();
        var catalogue = Rules.Catalog.RuleCatalog.All.Concat(Rules.Catalog.RuleCatalog.CompileTime).ToDictionary(r => r.Id);

        Assert.All(analyzer.SupportedDiagnostics, descriptor =>
        {
            var rule = catalogue[descriptor.Id];
            Assert.Equal(rule.MessageFormat, descriptor.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(rule.Title, descriptor.Title.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(rule.Severity == Rules.Catalog.Severity.Error ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning, descriptor.DefaultSeverity);
        });
        Assert.Equal(
            ["MESH101", "MESH103", "MESH105", "MESH201", "MESH203", "MESH204", "MESH301", "MESH402", "MESH701", "MESH702", "MESH703", "MESH704", "MESH705", "MESH706"],
            analyzer.SupportedDiagnostics.Select(d => d.Id).Order(StringComparer.Ordinal));
    }

    /// <summary>Where the text first occurs in the source, as diagnostics messages write it: <c>Mesh.cs(line,column)</c>.</summary>
    private static string Position(string source, string text)
    {
        var before = source[..source.IndexOf(text, StringComparison.Ordinal)];
        var line = before.Count(c => c == '\n') + 1;
        var column = before.Length - (before.LastIndexOf('\n') + 1) + 1;
        return $"{Path.GetFileName(MeshCompilation.SourcePath)}({line},{column})";
    }
}
