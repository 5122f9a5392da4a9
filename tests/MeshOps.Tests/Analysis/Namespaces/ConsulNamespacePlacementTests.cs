using MeshOps.Authoring;
using MeshOps.Model;
using MeshOps.Sources.Files;

namespace MeshOps.Tests.Analysis.Namespaces;

/// <summary>
/// MESH201 places each side of a call in the Consul namespace consul-k8s registers it in: the Helm values decide
/// (global.enableConsulNamespaces, connectInject.consulNamespaces); without them, intentions that name namespaces
/// produce a finding only when every namespace the two sides could be in is denied.
/// </summary>
public class ConsulNamespacePlacementTests
{
    private const string Mirrored = """
        global:
          name: consul
          enableConsulNamespaces: true
        connectInject:
          enabled: true
        """;

    private static IReadOnlyList<string> Mesh201(string yaml) =>
        EnterpriseTypedMeshTests.Analyze(yaml).Findings.Where(f => f.RuleId == "MESH201").Select(f => f.Message).ToList();

    private static string EnterpriseMesh => EnterpriseTypedMeshTests.Yaml(ConsulEdition.Enterprise);

    [Fact]
    public void Namespaces_enabled_with_the_chart_default_mirroring_allow_the_Enterprise_mesh()
    {
        Assert.Empty(Mesh201(EnterpriseMesh + "---\n" + Mirrored));
    }

    [Fact]
    public void A_mirroring_prefix_puts_the_services_in_namespaces_the_intentions_do_not_name()
    {
        var values = Mirrored + "\n  consulNamespaces:\n    mirroringK8SPrefix: k8s-\n";

        var message = Assert.Single(Mesh201(EnterpriseMesh + "---\n" + values));
        Assert.Contains("deny-all", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_mirroring_every_service_is_in_the_destination_namespace()
    {
        var values = Mirrored + "\n  consulNamespaces:\n    mirroringK8S: false\n    consulDestinationNamespace: apps\n";

        Assert.Single(Mesh201(EnterpriseMesh + "---\n" + values));
    }

    [Fact]
    public void An_intention_with_no_destination_namespace_is_in_its_own_mirrored_namespace_when_namespaces_are_enabled()
    {
        // The typed mesh writes the destination's namespace; consul-k8s' webhook fills the same value in when it is absent.
        var yaml = EnterpriseMesh.Replace("    name: api\n    namespace: backend\n", "    name: api\n", StringComparison.Ordinal);
        Assert.NotEqual(EnterpriseMesh, yaml);

        Assert.Empty(Mesh201(yaml + "---\n" + Mirrored));
        Assert.Single(Mesh201(yaml + "---\n" + Mirrored.Replace("enableConsulNamespaces: true", "enableConsulNamespaces: false", StringComparison.Ordinal)));
    }

    [Fact]
    public void Without_values_an_allow_from_another_namespace_may_be_the_caller_s_so_nothing_is_reported()
    {
        // Whether web registers in shop or in other depends on Helm values these inputs lack: no guess, no finding.
        var yaml = EnterpriseMesh.Replace("- name: web\n      namespace: shop\n", "- name: web\n      namespace: other\n", StringComparison.Ordinal);
        Assert.NotEqual(EnterpriseMesh, yaml);

        Assert.Empty(Mesh201(yaml));
        Assert.Single(Mesh201(yaml + "---\n" + Mirrored));
    }

    [Fact]
    public void Values_without_enableConsulNamespaces_mean_CE_and_say_where_that_was_read()
    {
        var settings = MeshSettingsReader.Read(
            ManifestLoader.LoadText("global:\n  name: consul\nconnectInject:\n  enabled: true\n", "values.yaml").Resources, MeshSettingsOverrides.None);

        Assert.Equal(false, settings.ConsulNamespaces.Enabled);
        Assert.Equal("default", settings.ConsulNamespaces.Of("shop"));
        Assert.Contains("not set in values.yaml:1", settings.ConsulNamespaces.Origin, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_values_the_Consul_namespace_of_a_workload_is_unknown()
    {
        var settings = MeshSettingsReader.Read([], MeshSettingsOverrides.None);

        Assert.Null(settings.ConsulNamespaces.Enabled);
        Assert.Null(settings.ConsulNamespaces.Of("shop"));
    }
}
