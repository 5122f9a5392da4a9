using System.Reflection;
using System.Text.Json.Serialization;
using MeshOps.Consul;
using YamlDotNet.RepresentationModel;

namespace MeshOps.Tests.Sources;

/// <summary>
/// Every field the real consul-k8s CRD schema allows under <c>spec</c> has a property in the generated model, at every
/// depth (schemaless parts such as a pod's affinity are <c>JsonObject</c>s and end the walk).
/// </summary>
public class ConsulCrdSchemaCoverageTests
{
    public static TheoryData<string, Type> Kinds => new()
    {
        { "consul.hashicorp.com_servicedefaults.yaml", typeof(ServiceDefaultsSpec) },
        { "consul.hashicorp.com_serviceintentions.yaml", typeof(ServiceIntentionsSpec) },
        { "consul.hashicorp.com_proxydefaults.yaml", typeof(ProxyDefaultsSpec) },
        { "consul.hashicorp.com_meshes.yaml", typeof(MeshSpec) },
        { "consul.hashicorp.com_serviceresolvers.yaml", typeof(ServiceResolverSpec) },
        { "consul.hashicorp.com_servicerouters.yaml", typeof(ServiceRouterSpec) },
        { "consul.hashicorp.com_servicesplitters.yaml", typeof(ServiceSplitterSpec) },
        { "consul.hashicorp.com_exportedservices.yaml", typeof(ExportedServicesSpec) },
        { "consul.hashicorp.com_ingressgateways.yaml", typeof(IngressGatewaySpec) },
        { "consul.hashicorp.com_terminatinggateways.yaml", typeof(TerminatingGatewaySpec) },
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Model_has_every_spec_field_of_the_crd_schema(string crdFile, Type specType)
    {
        var missing = new List<string>();

        foreach (var schema in SpecSchemas(crdFile))
            Compare(schema, specType, "spec", missing);

        Assert.True(missing.Count == 0, "Missing in " + specType.Name + ": " + string.Join(", ", missing.Distinct()));
    }

    private static IEnumerable<YamlMappingNode> SpecSchemas(string crdFile)
    {
        var stream = new YamlStream();
        using (var reader = File.OpenText(ReferenceData.Path("consul-crds", crdFile)))
            stream.Load(reader);
        var crd = (YamlMappingNode)stream.Documents[0].RootNode;
        foreach (YamlMappingNode version in (YamlSequenceNode)crd["spec"]["versions"])
            yield return (YamlMappingNode)version["schema"]["openAPIV3Schema"]["properties"]["spec"];
    }

    private static void Compare(YamlMappingNode schema, Type modelType, string path, List<string> missing)
    {
        var elementType = ElementType(modelType);
        if (!IsOurModel(elementType))
            return; // a Kubernetes model or JsonElement: its own schema, not ours to check
        var schemaForElement = ElementSchema(schema, modelType);
        if (schemaForElement is null || !schemaForElement.Children.TryGetValue("properties", out var properties))
            return;
        var byJsonName = elementType.GetProperties()
            .Where(p => p.GetCustomAttribute<JsonPropertyNameAttribute>() is not null)
            .ToDictionary(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()!.Name, p => p.PropertyType);
        foreach (var (key, value) in (YamlMappingNode)properties)
        {
            var name = ((YamlScalarNode)key).Value!;
            if (!byJsonName.TryGetValue(name, out var propertyType))
                missing.Add($"{path}.{name}");
            else
                Compare((YamlMappingNode)value, propertyType, $"{path}.{name}", missing);
        }
    }

    /// <summary>For lists and maps the fields live under <c>items</c> or <c>additionalProperties</c>.</summary>
    private static YamlMappingNode? ElementSchema(YamlMappingNode schema, Type modelType)
    {
        if (IsGeneric(modelType, typeof(IList<>)))
            return schema.Children.TryGetValue("items", out var items) ? (YamlMappingNode)items : null;
        if (IsGeneric(modelType, typeof(IDictionary<,>)))
            return schema.Children.TryGetValue("additionalProperties", out var values) ? values as YamlMappingNode : null;
        return schema;
    }

    private static Type ElementType(Type type) =>
        IsGeneric(type, typeof(IList<>)) ? type.GetGenericArguments()[0]
        : IsGeneric(type, typeof(IDictionary<,>)) ? type.GetGenericArguments()[1]
        : Nullable.GetUnderlyingType(type) ?? type;

    private static bool IsGeneric(Type type, Type definition) => type.IsGenericType && type.GetGenericTypeDefinition() == definition;

    private static bool IsOurModel(Type type) => type.Namespace == typeof(ServiceDefaults).Namespace && type.IsClass;
}
