using System.Text.Json.Nodes;
using MeshOps.Analysis;
using MeshOps.Analysis.Rules;
using MeshOps.Sources;

namespace MeshOps.Reporting;

/// <summary>
/// The run as JSON for scripts (jq, ConvertFrom-Json): each finding with the property names of the
/// <see cref="Finding"/> objects the cmdlet returns, beside what makes the verdict: the inputs that could not be read
/// and whether the run passed, so a script reading only this file cannot take a partial run for a clean one.
/// </summary>
public static class FindingsJsonDocument
{
    public static JsonObject Build(AnalysisReport report, ReportContext context, bool allowEmpty = false) => new()
    {
        ["tool"] = new JsonObject { ["name"] = "MeshOps", ["version"] = context.ToolVersion },
        ["passed"] = report.PassedWith(allowEmpty),
        ["resourcesAnalysed"] = report.ResourcesAnalysed,
        ["findings"] = new JsonArray([.. report.Findings.Select(f => Finding(f, context))]),
        ["loadErrors"] = new JsonArray([.. report.LoadErrors.Select(e => LoadError(e, context))]),
    };

    private static JsonObject Finding(Finding finding, ReportContext context)
    {
        var json = new JsonObject
        {
            [nameof(finding.RuleId)] = finding.RuleId,
            [nameof(finding.Severity)] = finding.Severity.ToString(),
            [nameof(finding.Title)] = finding.Title,
            [nameof(finding.Resource)] = Resource(finding.Resource),
        };
        AddLocation(json, finding.Location, context);
        json[nameof(finding.Message)] = finding.Message;
        json[nameof(finding.Fix)] = finding.Fix;
        json[nameof(finding.Confirm)] = finding.Confirm;
        json[nameof(finding.Assumption)] = finding.Assumption;
        json[nameof(finding.Evidence)] = new JsonArray([.. finding.Evidence.Select(e => Evidence(e, context))]);
        return json;
    }

    private static JsonObject Evidence(Evidence evidence, ReportContext context)
    {
        var json = new JsonObject { [nameof(evidence.Resource)] = Resource(evidence.Resource) };
        AddLocation(json, evidence.Location, context);
        json[nameof(evidence.Note)] = evidence.Note;
        return json;
    }

    private static JsonObject LoadError(LoadError error, ReportContext context)
    {
        var json = new JsonObject { [nameof(error.ErrorId)] = error.ErrorId };
        AddLocation(json, error.Location, context);
        json[nameof(error.Message)] = error.Message;
        return json;
    }

    private static JsonObject Resource(ResourceRef resource) => new()
    {
        [nameof(resource.Kind)] = resource.Kind,
        [nameof(resource.Namespace)] = resource.Namespace,
        [nameof(resource.Name)] = resource.Name,
    };

    // Files below the base folder are written relative to it, as in the SARIF and JUnit documents of the same run.
    private static void AddLocation(JsonObject json, SourceLocation location, ReportContext context)
    {
        json["File"] = ReportedLocation.Of(location, context.BaseDirectory).Display(location);
        json["Line"] = location.Line;
        json["Column"] = location.Column;
    }
}
