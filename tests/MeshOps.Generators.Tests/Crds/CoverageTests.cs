using System.Text.Json.Nodes;
using MeshOps.Consul;

namespace MeshOps.Generators.Tests.Crds;

/// <summary>Every field of the real ServiceDefaults and ServiceIntentions spec schemas can be set through the built-in builders.</summary>
public sealed class CoverageTests
{
    [Theory]
    [InlineData(typeof(ServiceDefaults), "servicedefaults")]
    [InlineData(typeof(ServiceIntentions), "serviceintentions")]
    public void Every_field_of_the_real_crd_is_reachable_through_the_builders(Type kind, string plural)
    {
        var schema = CrdSchemas.OpenApiSchema(plural)["properties"]!["spec"]!.AsObject();
        var json = BuilderFiller.ToJson(BuilderFiller.BuildEverything(kind))["spec"];

        var fields = new List<string>();
        var reached = new HashSet<string>(StringComparer.Ordinal);
        Walk(schema, json, "spec", fields, reached);

        fields = fields.Distinct(StringComparer.Ordinal).ToList();
        var missing = fields.Where(f => !reached.Contains(f)).ToList();
        Assert.True(fields.Count > 20, $"Only {fields.Count} fields were found in the {plural} schema.");
        Assert.True(missing.Count == 0, $"Fields of {plural} no builder reaches:{Environment.NewLine}{string.Join(Environment.NewLine, missing)}");
    }

    /// <summary>Lists every field path of <paramref name="schema"/> and records those present in <paramref name="value"/>.</summary>
    private static void Walk(JsonObject schema, JsonNode? value, string path, List<string> fields, HashSet<string> reached)
    {
        if (schema["properties"] is JsonObject properties)
        {
            foreach (var (name, child) in properties)
            {
                var childPath = path + "." + name;
                fields.Add(childPath);
                var childValue = value is JsonObject obj ? obj[name] : null;
                if (childValue is not null)
                    reached.Add(childPath);
                Walk(child!.AsObject(), childValue, childPath, fields, reached);
            }
        }

        if (schema["items"] is JsonObject items)
        {
            var elements = value as JsonArray;
            if (elements is null || elements.Count == 0)
                Walk(items, null, path + "[]", fields, reached);
            else
                foreach (var element in elements)
                    Walk(items, element, path + "[]", fields, reached);
        }

        if (schema["additionalProperties"] is JsonObject additional)
        {
            var entries = value as JsonObject;
            if (entries is null || entries.Count == 0)
                Walk(additional, null, path + "{}", fields, reached);
            else
                foreach (var (_, entry) in entries)
                    Walk(additional, entry, path + "{}", fields, reached);
        }
    }
}
