using System.Reflection;
using MeshOps.Authoring;
using MeshOps.Consul;

namespace MeshOps.Generators.Tests.Crds;

/// <summary>
/// ProxyDefaults, Mesh and ExportedServices exist once, under the name Consul requires (the consul-k8s webhooks refuse
/// any other): their builders take no name, so a wrong one cannot be written through them.
/// </summary>
public sealed class SingletonKindTests
{
    public static TheoryData<Type, string> Singletons => new()
    {
        { typeof(ProxyDefaults), "global" },
        { typeof(MeshOps.Consul.Mesh), "mesh" },
        { typeof(ExportedServices), "default" },
    };

    [Theory]
    [MemberData(nameof(Singletons))]
    public void A_singleton_kind_is_created_with_the_name_Consul_requires_and_no_name_parameter(Type kind, string name)
    {
        var factories = kind.GetMethods(BindingFlags.Public | BindingFlags.Static).Where(m => m.Name.StartsWith("Create", StringComparison.Ordinal)).ToList();

        Assert.DoesNotContain(factories, m => m.GetParameters().Any(p => p.Name == "name"));
        var create = Assert.Single(factories, m => m.Name == "Create");
        var builder = create.Invoke(null, create.GetParameters().Select(p => p.ParameterType.IsValueType ? Activator.CreateInstance(p.ParameterType) : null).ToArray())!;
        var resource = (IMeshResource)builder.GetType().GetMethod("Build")!.Invoke(builder, null)!;
        Assert.Equal(name, resource.Metadata.Name);
        Assert.Contains("  name: " + name + "\n", ManifestYamlWriter.Write([resource]), StringComparison.Ordinal);
    }

    [Fact]
    public void ExportedServices_of_an_admin_partition_is_named_after_it()
    {
        Assert.Equal("team-a", ExportedServices.CreateForPartition("team-a").Build().Metadata.Name);
        Assert.Equal("default", ExportedServices.Create().Build().Metadata.Name);
    }

    [Fact]
    public void Kinds_with_free_names_keep_their_name_parameter()
    {
        Assert.Equal("api", ServiceDefaults.Create("api").Build().Metadata.Name);
    }
}
