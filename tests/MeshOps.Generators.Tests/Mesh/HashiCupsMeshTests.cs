using System.Text;
using HashiCups;
using MeshOps.Analysis;
using MeshOps.Sources;
using MeshOps.Sources.Files;
using Microsoft.CodeAnalysis;
using YamlDotNet.RepresentationModel;

namespace MeshOps.Generators.Tests.Mesh;

public class HashiCupsMeshTests
{
    private static readonly string[] MeshKinds = ["Service", "ServiceAccount", "ServiceDefaults", "ServiceIntentions"];

    [Fact]
    public void ToYaml_passes_the_runtime_analysis_without_findings()
    {
        var yaml = new HashiCupsMesh().ToYaml();

        var report = MeshAnalyzer.Analyze(ManifestLoader.LoadText(yaml, "hashicups-mesh.yaml"));

        Assert.Empty(report.LoadErrors);
        Assert.Empty(report.Findings.Select(f => $"{f.RuleId} {f.Message}"));
    }

    [Fact]
    public void ToYaml_is_semantically_equal_to_the_mesh_resources_of_the_healthy_yaml_example()
    {
        var healthyFiles = Directory.GetFiles(RepoPaths.Combine("examples", "hashicups", "healthy"), "*.yaml").Order(StringComparer.Ordinal);
        var expected = MeshResources(healthyFiles.Select(File.ReadAllText));

        var actual = MeshResources([new HashiCupsMesh().ToYaml()]);

        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        Assert.All(expected, pair => Assert.Equal(pair.Value, actual[pair.Key]));
    }

    [Fact]
    public void Build_returns_typed_objects_with_port_mappings_identity_and_injection()
    {
        var resources = new HashiCupsMesh().Build();

        var payments = Assert.Single(resources.Services, s => s.Metadata.Name == "payments");
        var port = Assert.Single(payments.Spec.Ports);
        Assert.Equal((1800, "8080"), (port.Port, port.TargetPort.Value));
        Assert.All(resources.Deployments, d =>
        {
            Assert.Equal("true", d.Spec.Template.Metadata.Annotations["consul.hashicorp.com/connect-inject"]);
            Assert.Equal(d.Metadata.Name, d.Spec.Template.Spec.ServiceAccountName);
            Assert.NotEmpty(d.Spec.Template.Spec.Containers[0].Ports);
        });
        Assert.Equal(6, resources.ServiceAccounts.Count);
        Assert.Equal(Consul.MeshProtocol.Tcp, Assert.Single(resources.ServiceDefaults, d => d.Metadata.Name == "postgres").Spec!.Protocol);
        var denyAll = resources.ServiceIntentions[0];
        Assert.Equal(("deny-all", "*"), (denyAll.Metadata.Name, denyAll.Spec!.Destination!.Name));
        Assert.Equal(("*", Consul.IntentionAction.Deny), (denyAll.Spec.Sources![0].Name, denyAll.Spec.Sources![0].Action!.Value));
    }

    [Fact]
    public async Task The_mistakes_project_fails_with_exactly_its_three_errors()
    {
        var folder = RepoPaths.Combine("examples", "HashiCups.Mistakes");
        var sources = Directory.GetFiles(folder, "*.cs").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray();
        Assert.DoesNotContain("HashiCups.Mistakes", File.ReadAllText(RepoPaths.Combine("MeshOps.sln")), StringComparison.Ordinal);

        var diagnostics = await MeshCompilation.DiagnosticsAsync(sources);

        var errors = diagnostics
            .Select(d => (d.Id, d.Severity, Line: d.Location.GetLineSpan().StartLinePosition.Line + 1, Text: d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan)))
            .OrderBy(e => e.Id, StringComparer.Ordinal)
            .ToList();
        Assert.Equal(
            [
                ("MESH101", DiagnosticSeverity.Error, 26, "\"payments-http\""),
                ("MESH201", DiagnosticSeverity.Error, 19, "typeof(Postgres)"),
                ("MESH301", DiagnosticSeverity.Error, 30, "MeshProtocol.Http"),
            ],
            errors);
    }

    // kind/name → canonical text of what the mesh decides: ServiceDefaults and ServiceIntentions whole, a Service's
    // ports, a ServiceAccount's token setting.
    private static Dictionary<string, string> MeshResources(IEnumerable<string> yamlTexts)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var text in yamlTexts)
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            foreach (var document in stream.Documents)
            {
                if (document.RootNode is not YamlMappingNode root || Scalar(root, "kind") is not { } kind || !MeshKinds.Contains(kind))
                {
                    continue;
                }

                var name = Scalar((YamlMappingNode)root.Children[new YamlScalarNode("metadata")], "name");
                var relevant = kind switch
                {
                    "Service" => Canonical(((YamlMappingNode)root.Children[new YamlScalarNode("spec")]).Children[new YamlScalarNode("ports")]),
                    "ServiceAccount" => Scalar(root, "automountServiceAccountToken") ?? "(unset)",
                    _ => Canonical(root.Children[new YamlScalarNode("apiVersion")]) + Canonical(root.Children[new YamlScalarNode("spec")]),
                };
                Assert.True(result.TryAdd(kind + "/" + name, relevant), $"{kind}/{name} appears twice");
            }
        }

        return result;
    }

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode scalar ? scalar.Value : null;

    // Mappings with sorted keys, sequences in order, scalars by value: formatting, quoting and key order do not count.
    private static string Canonical(YamlNode node)
    {
        var builder = new StringBuilder();
        Write(node);
        return builder.ToString();

        void Write(YamlNode current)
        {
            switch (current)
            {
                case YamlMappingNode mapping:
                    builder.Append('{');
                    foreach (var (key, value) in mapping.Children.OrderBy(c => ((YamlScalarNode)c.Key).Value, StringComparer.Ordinal))
                    {
                        builder.Append(((YamlScalarNode)key).Value).Append('=');
                        Write(value);
                        builder.Append(';');
                    }

                    builder.Append('}');
                    break;
                case YamlSequenceNode sequence:
                    builder.Append('[');
                    foreach (var item in sequence.Children)
                    {
                        Write(item);
                        builder.Append(',');
                    }

                    builder.Append(']');
                    break;
                case YamlScalarNode scalar:
                    builder.Append('\'').Append(scalar.Value).Append('\'');
                    break;
            }
        }
    }
}
