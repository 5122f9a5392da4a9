using MeshOps.Sources;
using MeshOps.Sources.Files;

namespace MeshOps.Tests.Sources;

/// <summary><see cref="LoaderOptions.Namespace"/> reads the inputs as <c>kubectl apply -n</c> applies them.</summary>
public class NamespaceOptionTests
{
    private static readonly LoaderOptions Shop = new() { Namespace = "shop" };

    private static string Object(string apiVersion, string kind, string name, string? ns = null) =>
        $"apiVersion: {apiVersion}\nkind: {kind}\nmetadata:\n  name: {name}\n" + (ns is null ? "" : $"  namespace: {ns}\n");

    [Fact]
    public void A_namespaced_object_written_without_a_namespace_is_read_in_the_given_one()
    {
        var set = ManifestLoader.LoadText(Object("v1", "Service", "web") + "---\n" + Object("consul.hashicorp.com/v1alpha1", "ServiceDefaults", "web"), "web.yaml", Shop);

        Assert.Empty(set.Errors);
        Assert.Equal(["shop", "shop"], set.Resources.Select(r => r.Namespace));
    }

    [Fact]
    public void Items_of_a_list_are_read_in_the_given_namespace()
    {
        var list = "apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: ConfigMap\n    metadata:\n      name: a\n";

        Assert.Equal("shop", Assert.Single(ManifestLoader.LoadText(list, "list.yaml", Shop).Resources).Namespace);
    }

    [Fact]
    public void An_object_written_for_the_same_namespace_is_read_as_it_is()
    {
        var set = ManifestLoader.LoadText(Object("v1", "Service", "web", "shop"), "web.yaml", Shop);

        Assert.Equal("shop", Assert.Single(set.Resources).Namespace);
    }

    [Theory]
    [InlineData("v1", "Namespace")]
    [InlineData("rbac.authorization.k8s.io/v1", "ClusterRole")]
    [InlineData("v1", "PersistentVolume")]
    public void A_cluster_scoped_object_is_left_alone(string apiVersion, string kind)
    {
        var set = ManifestLoader.LoadText(Object(apiVersion, kind, "first") + "---\n" + Object(apiVersion, kind, "second", "elsewhere"), "cluster.yaml", Shop);

        Assert.Empty(set.Errors);
        Assert.Equal([null, "elsewhere"], set.Resources.Select(r => r.Namespace));
    }

    [Fact]
    public void An_object_written_for_another_namespace_is_an_error_in_kubectls_words_and_the_others_still_load()
    {
        var set = ManifestLoader.LoadText(Object("v1", "Service", "web", "other") + "---\n" + Object("v1", "Service", "api"), "web.yaml", Shop);

        var error = Assert.Single(set.Errors);
        Assert.Equal(LoadErrorIds.NamespaceMismatch, error.ErrorId);
        Assert.Equal(new SourceLocation("web.yaml", 5, 3), error.Location);
        Assert.Equal(
            "Service 'web': the namespace from the provided object \"other\" does not match the namespace \"shop\". You must pass '--namespace=other' to perform this operation.",
            error.Message);
        Assert.Equal("api", Assert.Single(set.Resources).Name);
    }

    [Fact]
    public void Without_a_namespace_an_object_written_without_one_keeps_none()
    {
        var set = ManifestLoader.LoadText(Object("v1", "Service", "web") + "---\n" + Object("v1", "Service", "api", "other"), "web.yaml");

        Assert.Equal([null, "other"], set.Resources.Select(r => r.Namespace));
    }

    [Fact]
    public void Consul_helm_values_take_no_namespace()
    {
        Assert.Null(Assert.Single(ManifestLoader.LoadText("connectInject:\n  enabled: true\n", "values.yaml", Shop).Resources).Namespace);
    }
}
