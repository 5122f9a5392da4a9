using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using System.Text.Json.Nodes;
using MeshOps.Analysis;
using MeshOps.Analysis.Rules;
using MeshOps.Rules.Catalog;
using MeshOps.Sources;

namespace MeshOps.Reporting;

/// <summary>
/// A run of the rule catalogue as SARIF 2.1.0: one reporting descriptor per rule that ran (its title, what it checks,
/// the fix and the command that confirms it), one result per finding at file:line:column relative to the base folder,
/// its evidence as related locations, and every input that could not be read as an error notification that marks the
/// run as not successful (a gate reading the file must not take a partial run for a clean one).
/// </summary>
public static partial class SarifDocument
{
    public const string SchemaUri = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

    private const string SourceRoot = "%SRCROOT%";

    public static JsonObject Build(AnalysisReport report, ReportContext context)
    {
        var rules = RulesOf(report);
        var index = rules.Select((rule, i) => (rule.Id, i)).ToDictionary(r => r.Id, r => r.i, StringComparer.OrdinalIgnoreCase);
        var run = new JsonObject
        {
            ["tool"] = new JsonObject
            {
                ["driver"] = new JsonObject
                {
                    ["name"] = "MeshOps",
                    ["semanticVersion"] = context.ToolVersion,
                    ["rules"] = new JsonArray([.. rules.Select(Descriptor)]),
                },
            },
            ["originalUriBaseIds"] = new JsonObject
            {
                [SourceRoot] = new JsonObject { ["uri"] = DirectoryUri(context.BaseDirectory) },
            },
            ["invocations"] = new JsonArray(Invocation(report, context)),
            ["results"] = new JsonArray([.. report.Findings.Select(f => Result(f, index, context))]),
        };
        return new JsonObject
        {
            ["$schema"] = SchemaUri,
            ["version"] = "2.1.0",
            ["runs"] = new JsonArray(run),
        };
    }

    /// <summary>The rules that ran, described; a rule a finding names but that did not run (none today) is described too.</summary>
    internal static IReadOnlyList<RuleInfo> RulesOf(AnalysisReport report)
    {
        var ids = report.RulesRun.Concat(report.Findings.Select(f => f.RuleId)).Distinct(StringComparer.OrdinalIgnoreCase);
        return [.. RuleGuide.Rules.Where(r => ids.Contains(r.Id, StringComparer.OrdinalIgnoreCase))];
    }

    internal static string Level(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "note",
    };

    private static JsonObject Descriptor(RuleInfo rule) => new()
    {
        ["id"] = rule.Id,
        ["name"] = Identifier(rule.Title),
        ["shortDescription"] = new JsonObject { ["text"] = rule.Title },
        ["fullDescription"] = new JsonObject { ["text"] = rule.Checks },
        ["messageStrings"] = new JsonObject { ["default"] = new JsonObject { ["text"] = rule.Message } },
        ["help"] = new JsonObject
        {
            ["text"] = $"{rule.Checks}\n\nFix: {rule.Fix}\n\nConfirm: {rule.Confirm}\n\nWhat it cannot see: {rule.CannotSee}",
            ["markdown"] = $"{rule.Checks}\n\n**Fix:** {rule.Fix}\n\n**Confirm:** `{rule.Confirm}`\n\n**What it cannot see:** {rule.CannotSee}",
        },
        ["defaultConfiguration"] = new JsonObject { ["level"] = Level(rule.Severity) },
        ["properties"] = new JsonObject
        {
            ["category"] = rule.Category,
            ["tags"] = new JsonArray("consul", "service-mesh", rule.Category.ToLowerInvariant()),
        },
    };

    // SARIF's rule name is an identifier ("TargetportMatchesNoContainerport"), read by tools that show rules by name.
    private static string Identifier(string title)
    {
        var words = title.Split([' ', '-', '/', '\'', '(', ')', ',', ':', '.'], StringSplitOptions.RemoveEmptyEntries);
        return string.Concat(words.Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
    }

    private static JsonObject Invocation(AnalysisReport report, ReportContext context) => new()
    {
        ["executionSuccessful"] = report.LoadErrors.Count == 0,
        ["toolExecutionNotifications"] = new JsonArray([.. report.LoadErrors.Select(e => Notification(e, context))]),
    };

    private static JsonObject Notification(LoadError error, ReportContext context)
    {
        var notification = new JsonObject
        {
            ["level"] = "error",
            ["message"] = new JsonObject { ["text"] = error.Message },
            ["descriptor"] = new JsonObject { ["id"] = error.ErrorId },
        };
        var where = ReportedLocation.Of(error.Location, context.BaseDirectory);
        if (where.IsFile)
        {
            notification["locations"] = new JsonArray(new JsonObject { ["physicalLocation"] = Physical(where) });
        }

        return notification;
    }

    private static JsonObject Result(Finding finding, IReadOnlyDictionary<string, int> index, ReportContext context)
    {
        var where = ReportedLocation.Of(finding.Location, context.BaseDirectory);
        var location = new JsonObject
        {
            ["logicalLocations"] = new JsonArray(Logical(finding.Resource)),
        };
        if (where.IsFile)
        {
            location["physicalLocation"] = Physical(where);
        }

        var result = new JsonObject
        {
            ["ruleId"] = finding.RuleId,
            ["ruleIndex"] = index[finding.RuleId],
            ["level"] = Level(finding.Severity),
            ["message"] = new JsonObject { ["text"] = finding.Message },
            ["locations"] = new JsonArray(location),
            ["partialFingerprints"] = new JsonObject { ["meshopsFinding/v1"] = Fingerprint(finding, context) },
            ["properties"] = new JsonObject
            {
                ["resource"] = finding.Resource.ToString(),
                ["fix"] = finding.Fix,
                ["confirm"] = finding.Confirm,
            },
        };
        if (!where.IsFile)
        {
            // A live object has no file to open: its name is the place, as the cmdlet's table shows it.
            ((JsonObject)result["properties"]!)["location"] = finding.Location.ToString();
        }

        var related = finding.Evidence.Select((e, i) => Related(e, i, context)).Where(r => r is not null).ToList();
        if (related.Count > 0)
        {
            result["relatedLocations"] = new JsonArray([.. related]);
        }

        return result;
    }

    private static JsonObject? Related(Evidence evidence, int id, ReportContext context)
    {
        var where = ReportedLocation.Of(evidence.Location, context.BaseDirectory);
        var related = new JsonObject
        {
            ["id"] = id,
            ["message"] = new JsonObject { ["text"] = $"{evidence.Resource}: {evidence.Note}" },
            ["logicalLocations"] = new JsonArray(Logical(evidence.Resource)),
        };
        if (where.IsFile)
        {
            related["physicalLocation"] = Physical(where);
        }

        return related;
    }

    private static JsonObject Physical(ReportedLocation where)
    {
        var artifact = where.RelativeUri is { } relative
            ? new JsonObject { ["uri"] = relative, ["uriBaseId"] = SourceRoot }
            : new JsonObject { ["uri"] = where.AbsoluteUri };
        var physical = new JsonObject { ["artifactLocation"] = artifact };
        if (where.Line > 0)
        {
            var region = new JsonObject { ["startLine"] = where.Line };
            if (where.Column > 0)
            {
                region["startColumn"] = where.Column;
            }

            physical["region"] = region;
        }

        return physical;
    }

    private static JsonObject Logical(ResourceRef resource) => new()
    {
        ["fullyQualifiedName"] = resource.ToString(),
        ["name"] = resource.Name,
        ["kind"] = "resource",
    };

    // For SARIF consumers that match results by our key: the rule, the object and the message without the line numbers
    // it quotes ("at products-api.yaml:68") and without the base folder of the absolute paths it quotes (runners clone
    // into different folders), so it survives line moves but not a reworded message. GitHub code scanning does not read
    // it: its docs say it "only uses the primaryLocationLineHash", which github/codeql-action's upload-sarif adds from the
    // text at the finding's line (src/fingerprints.ts), so a rewording there keeps the alert.
    private static string Fingerprint(Finding finding, ReportContext context)
    {
        var message = LineNumbers().Replace(finding.Message.Replace(FolderWithSeparator(context.BaseDirectory), string.Empty, StringComparison.Ordinal), string.Empty);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{finding.RuleId}|{finding.Resource}|{message}")))[..32];
    }

    [GeneratedRegex(@":\d+(:\d+)?\b")]
    private static partial Regex LineNumbers();

    private static string DirectoryUri(string directory)
    {
        var uri = new Uri(FolderWithSeparator(directory)).AbsoluteUri;
        return uri.EndsWith('/') ? uri : uri + "/";
    }

    private static string FolderWithSeparator(string directory) =>
        Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory)) + Path.DirectorySeparatorChar;
}
