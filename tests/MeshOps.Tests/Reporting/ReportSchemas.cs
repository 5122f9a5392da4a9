using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Json.Schema;

namespace MeshOps.Tests.Reporting;

/// <summary>
/// The published schemas the report documents are checked against (copies in Schemas/, see NOTICE.md there): OASIS'
/// SARIF 2.1.0 JSON schema and the JUnit schema the Jenkins xUnit plugin validates with.
/// </summary>
internal static class ReportSchemas
{
    private static readonly Lazy<JsonSchema> Sarif = new(LoadSarif);
    private static readonly Lazy<XmlSchemaSet> JUnit = new(LoadJUnit);

    /// <summary>Every violation of the SARIF schema, as instance location: message; empty when the document is valid.</summary>
    public static IReadOnlyList<string> SarifViolations(string document)
    {
        using var parsed = JsonDocument.Parse(document);
        var results = Sarif.Value.Evaluate(parsed.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        return results.IsValid
            ? []
            : [.. (results.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"))];
    }

    /// <summary>Every violation of junit-10.xsd; empty when the document is valid.</summary>
    public static IReadOnlyList<string> JUnitViolations(string document)
    {
        var violations = new List<string>();
        XDocument.Parse(document).Validate(JUnit.Value, (_, e) => violations.Add($"{e.Severity}: {e.Message}"));
        return violations;
    }

    // The schema declares draft-04, which JsonSchema.Net does not implement. It uses only keywords whose meaning is the
    // same in draft 2020-12 (no boolean exclusiveMinimum/Maximum, no tuple items, no id-relative references: every $ref
    // is a local pointer, and the keywords beside a $ref are descriptions and defaults), so it is evaluated as 2020-12
    // with definitions renamed $defs, as 2020-12 names them, and the draft-04 id dropped.
    private static JsonSchema LoadSarif()
    {
        var text = File.ReadAllText(RepoPaths.Combine("tests", "MeshOps.Tests", "Reporting", "Schemas", "sarif-schema-2.1.0.json"));
        if (text.Contains("exclusiveM", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("The SARIF schema copy uses exclusiveMinimum/Maximum, whose draft-04 meaning changed later: evaluate it otherwise.");
        }

        var schema = JsonNode.Parse(text.Replace("\"#/definitions/", "\"#/$defs/", StringComparison.Ordinal))!.AsObject();
        var definitions = schema["definitions"]!;
        schema.Remove("definitions");
        schema.Remove("id");
        schema["$defs"] = definitions;
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema";
        return JsonSchema.FromText(schema.ToJsonString(), baseUri: new Uri($"https://meshops.test/sarif/{Guid.NewGuid():N}.json"));
    }

    private static XmlSchemaSet LoadJUnit()
    {
        var set = new XmlSchemaSet();
        using var reader = XmlReader.Create(RepoPaths.Combine("tests", "MeshOps.Tests", "Reporting", "Schemas", "junit-10.xsd"));
        set.Add(null, reader);
        set.Compile();
        return set;
    }
}
