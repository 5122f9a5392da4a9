using System.Xml.Linq;
using MeshOps.Analysis;
using MeshOps.Rules.Catalog;
using MeshOps.Sources;

namespace MeshOps.Reporting;

/// <summary>
/// A run of the rule catalogue as JUnit XML, the format every CI test panel reads: one test suite per rule that ran,
/// one test case per rule and resource it found something on (a failure when the finding is at or above the run's
/// fail-on severity; passed otherwise, the finding in its output, so the panel agrees with the exit code), one passing
/// case for a rule that found nothing, and a suite of inputs that could not be read, each an error: what they hold was
/// never checked.
/// </summary>
public static class JUnitDocument
{
    private const string InputsSuite = "MeshOps inputs";

    public static XDocument Build(AnalysisReport report, ReportContext context)
    {
        var suites = SarifDocument.RulesOf(report).Select(rule => RuleSuite(rule, report, context)).ToList();
        if (report.LoadErrors.Count > 0)
        {
            suites.Add(Suite(InputsSuite, [.. report.LoadErrors.Select(e => InputCase(e, context))]));
        }

        var root = new XElement("testsuites", new XAttribute("name", "MeshOps Test-MeshConfig"));
        AddCounts(root, suites);
        root.Add(suites);
        return new XDocument(new XDeclaration("1.0", "utf-8", null), root);
    }

    private static XElement RuleSuite(RuleInfo rule, AnalysisReport report, ReportContext context)
    {
        var findings = report.Findings.Where(f => string.Equals(f.RuleId, rule.Id, StringComparison.OrdinalIgnoreCase)).ToList();
        var cases = findings.Count == 0
            ? [new XElement("testcase", new XAttribute("classname", ClassName(rule.Id)), new XAttribute("name", "no finding"))]
            : findings.GroupBy(f => f.Resource.ToString(), StringComparer.Ordinal).Select(g => ResourceCase(rule, [.. g], context)).ToList();
        return Suite($"{rule.Id} {rule.Title}", cases);
    }

    private static XElement ResourceCase(RuleInfo rule, IReadOnlyList<Finding> findings, ReportContext context)
    {
        var first = findings[0];
        // The place is in the text, not in file/line attributes: the schema Jenkins validates JUnit against (junit-10.xsd)
        // has none, and a panel that cannot parse the file shows no result at all.
        var testCase = new XElement("testcase",
            new XAttribute("classname", ClassName(rule.Id)),
            new XAttribute("name", first.Resource.ToString()));
        var text = string.Join("\n\n", findings.Select(f => Describe(f, context)));
        var failing = findings.Where(f => f.Severity >= context.FailOn).ToList();
        if (failing.Count > 0)
        {
            var worst = failing.Max(f => f.Severity);
            testCase.Add(new XElement("failure",
                new XAttribute("type", worst.ToString()),
                new XAttribute("message", failing[0].Message),
                text));
        }
        else
        {
            testCase.Add(new XElement("system-out", text));
        }

        return testCase;
    }

    private static XElement InputCase(LoadError error, ReportContext context)
    {
        var name = ReportedLocation.Of(error.Location, context.BaseDirectory).Display(error.Location);
        return new XElement("testcase",
            new XAttribute("classname", "MeshOps.Inputs"),
            new XAttribute("name", name),
            new XElement("error", new XAttribute("type", error.ErrorId), new XAttribute("message", error.Message), error.ToString()));
    }

    private static string Describe(Finding finding, ReportContext context)
    {
        var where = ReportedLocation.Of(finding.Location, context.BaseDirectory);
        var at = where.IsFile && finding.Line > 0 ? $"{where.Display(finding.Location)}:{finding.Line}:{finding.Column}" : finding.Location.ToString();
        var lines = new List<string> { $"{at}: {finding.Severity.ToString().ToLowerInvariant()} {finding.RuleId}: {finding.Message}", $"Fix: {finding.Fix}", $"Confirm: {finding.Confirm}" };
        lines.AddRange(finding.Evidence.Select(e => $"Evidence: {e}"));
        return string.Join("\n", lines);
    }

    private static string ClassName(string ruleId) => $"MeshOps.{ruleId}";

    private static XElement Suite(string name, IReadOnlyList<XElement> cases)
    {
        var suite = new XElement("testsuite", new XAttribute("name", name));
        AddCounts(suite, cases);
        suite.Add(cases);
        return suite;
    }

    // Counts are attributes of both levels: Jenkins reads them from testsuites, Azure Pipelines and GitLab per suite.
    // Nothing is ever skipped, and junit-10.xsd knows no skipped count on testsuites, so none is written.
    private static void AddCounts(XElement element, IReadOnlyList<XElement> children)
    {
        var cases = children.SelectMany(c => c.Name == "testcase" ? [c] : c.Elements("testcase")).ToList();
        element.Add(
            new XAttribute("tests", cases.Count),
            new XAttribute("failures", cases.Count(c => c.Element("failure") is not null)),
            new XAttribute("errors", cases.Count(c => c.Element("error") is not null)));
    }
}
