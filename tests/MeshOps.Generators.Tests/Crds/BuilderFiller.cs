using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using MeshOps.Authoring;
using MeshOps.Consul;

namespace MeshOps.Generators.Tests.Crds;

/// <summary>
/// Builds a resource through its generated builder calling every builder method, nested builders included, with sample
/// values: what a user could reach through the builders, and nothing set behind their back.
/// </summary>
internal static class BuilderFiller
{
    public static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    private const int MaxDepth = 12;

    public static IMeshResource BuildEverything(Type resourceType)
    {
        var create = resourceType.GetMethod("Create", BindingFlags.Public | BindingFlags.Static)
            ?? throw new InvalidOperationException($"{resourceType.Name} has no Create method.");
        var arguments = create.GetParameters()
            .Select(p => p.Name == "name" ? "sample-" + resourceType.Name.ToLowerInvariant() : Sample(p.ParameterType, 0))
            .ToArray();
        var builder = create.Invoke(null, arguments)!;
        Fill(builder, 0);
        return (IMeshResource)builder.GetType().GetMethod("Build")!.Invoke(builder, null)!;
    }

    public static JsonObject ToJson(object resource) => JsonSerializer.SerializeToNode(resource, resource.GetType(), Json)!.AsObject();

    private static void Fill(object builder, int depth)
    {
        var methods = builder.GetType()
            .GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => m.ReturnType == builder.GetType())
            .OrderBy(m => m.MetadataToken);
        foreach (var method in methods)
        {
            var parameters = method.GetParameters();

            // Overloads taking a whole nested object reach nothing the lambda overloads do not; they would only replace it.
            if (parameters.Any(p => IsGeneratedClass(p.ParameterType)))
                continue;
            method.Invoke(builder, parameters.Select(p => Sample(p.ParameterType, depth)).ToArray());
        }
    }

    private static bool IsGeneratedClass(Type type) =>
        type.IsClass && type.Namespace == "MeshOps.Consul" && !type.Name.EndsWith("Builder", StringComparison.Ordinal);

    private static object? Sample(Type type, int depth)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying == typeof(string))
            return "sample";
        if (underlying == typeof(int))
            return 8080;
        if (underlying == typeof(long))
            return 30L;
        if (underlying == typeof(double))
            return 50.0;
        if (underlying == typeof(bool))
            return true;
        if (underlying.IsEnum)
            return Enum.GetValues(underlying).GetValue(0);
        if (underlying == typeof(IntOrString))
            return (IntOrString)8080;
        if (underlying == typeof(JsonObject))
            return new JsonObject { ["key"] = "value" };
        if (underlying == typeof(JsonNode))
            return JsonValue.Create("value");
        if (underlying.IsGenericType && underlying.GetGenericTypeDefinition() == typeof(Action<>))
        {
            var target = underlying.GetGenericArguments()[0];
            return typeof(BuilderFiller).GetMethod(nameof(Configure), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(target).Invoke(null, [depth + 1]);
        }

        if (underlying.IsGenericType && underlying.GetGenericTypeDefinition() is var definition
            && (definition == typeof(IEnumerable<>) || definition == typeof(IList<>)))
        {
            var element = underlying.GetGenericArguments()[0];
            var list = (System.Collections.IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element))!;
            list.Add(Sample(element, depth));
            return list;
        }

        throw new InvalidOperationException($"No sample value for {type}.");
    }

    private static Action<T> Configure<T>(int depth)
        where T : notnull =>
        builder =>
        {
            if (depth > MaxDepth)
                throw new InvalidOperationException($"Builders nest deeper than {MaxDepth}: {typeof(T).Name}.");
            Fill(builder, depth);
        };
}
