using MeshOps.Sources;
using MeshOps.Model;
using MeshOps.Analysis.Rules;
using MeshOps.Rules.Catalog;

namespace MeshOps.Analysis;

/// <summary>The offline pipeline: manifests → mesh model → rules → findings.</summary>
public static class MeshAnalyzer
{
    /// <exception cref="UnknownRuleException">A rule ID in the options names no rule (see <see cref="RuleSelection"/>).</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled; it is checked before each rule runs.</exception>
    /// <exception cref="ArgumentException">An entry of <see cref="AnalysisOptions.KnownServices"/> is not <c>name</c> or <c>name.namespace</c>.</exception>
    public static AnalysisReport Analyze(ManifestSet manifests, AnalysisOptions? options = null, CancellationToken cancellationToken = default) =>
        AnalyzeWithModel(manifests, options, cancellationToken).Report;

    /// <summary>
    /// <see cref="Analyze"/>, keeping the model the rules judged: a caller that goes on to trace paths or draw the graph
    /// reads the same objects the findings speak of (one copy of an object written twice) and does not build it again,
    /// which at thousands of services costs as much as the analysis.
    /// </summary>
    /// <inheritdoc cref="Analyze" path="/exception"/>
    public static AnalyzedMesh AnalyzeWithModel(ManifestSet manifests, AnalysisOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= AnalysisOptions.Default;
        // A typo would select no rule, and a gate over no rule always passes.
        _ = RuleSelection.Parse(options.IncludeRules.Concat(options.ExcludeRules));
        cancellationToken.ThrowIfCancellationRequested();
        // Before duplicates: an update the API server refuses leaves the earlier copy in place.
        manifests = DuplicateObjects.Resolve(InvalidObjects.Reject(manifests));
        var model = MeshModelBuilder.BuildAccepted(manifests, options.SettingsOverrides);
        var context = new RuleContext(model.Settings) { DescribeOption = options.DescribeOverride };
        var suppressions = new Suppressions(model);

        var findings = RuleSet.All
            .Where(rule => IsSelected(rule.Descriptor.Id, options))
            .SelectMany(rule =>
            {
                cancellationToken.ThrowIfCancellationRequested();
                return rule.Check(model, context);
            })
            .Where(hit => options.Namespace is null || MeshModelBuilder.NamespaceOf(hit.Subject) == options.Namespace)
            .Where(hit => !suppressions.Suppresses(hit.Subject, hit.Rule.Id))
            .Select(ToFinding)
            .Where(finding => finding.Severity >= options.MinimumSeverity)
            .OrderByDescending(f => f.Severity)
            .ThenBy(f => f.File, StringComparer.Ordinal)
            .ThenBy(f => f.Line)
            .ThenBy(f => f.RuleId, StringComparer.Ordinal)
            .ToList();
        return new AnalyzedMesh(
            new AnalysisReport(findings, manifests.Errors)
            {
                LoadWarnings = manifests.Warnings,
                ResourcesAnalysed = manifests.Resources.Count,
                RulesRun = [.. RuleSet.All.Select(rule => rule.Descriptor.Id).Where(id => IsSelected(id, options)).Order(StringComparer.Ordinal)],
            },
            model);
    }

    /// <summary>
    /// Words a rule's hit with the catalogue's message, fix and confirm formats. A hit that states an assumption is at
    /// most a Warning: a guess about what the inputs lack must not fail a gate on its own (issue 9).
    /// </summary>
    public static Finding ToFinding(RuleHit hit)
    {
        var severity = hit.SeverityOverride ?? hit.Rule.Severity;
        var message = hit.Rule.FormatMessage(hit.Args);
        if (hit.Assumption is not null)
        {
            severity = severity > Severity.Warning ? Severity.Warning : severity;
            message = $"{message} Assumed: {hit.Assumption}";
        }

        return new Finding(
            hit.Rule.Id,
            severity,
            hit.Rule.Title,
            hit.Subject.Ref with { Namespace = MeshModelBuilder.NamespaceOf(hit.Subject) },
            hit.Location,
            message,
            hit.Rule.FormatFix(hit.Args),
            hit.Rule.FormatConfirm(hit.Args),
            hit.Evidence) { Assumption = hit.Assumption };
    }

    private static bool IsSelected(string id, AnalysisOptions options) =>
        (options.IncludeRules.Count == 0 || options.IncludeRules.Contains(id, StringComparer.OrdinalIgnoreCase))
        && !options.ExcludeRules.Contains(id, StringComparer.OrdinalIgnoreCase);
}
