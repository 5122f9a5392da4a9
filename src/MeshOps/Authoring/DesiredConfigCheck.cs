using MeshOps.Analysis;
using MeshOps.Rules.Catalog;
using MeshOps.Sources;

namespace MeshOps.Authoring;

/// <summary>
/// The rule catalogue over objects about to be written, in the context they will land in (the live cluster, or the
/// manifests beside them): the context's objects with each desired one replacing the object of the same kind,
/// namespace and name, analysed as Test-MeshConfig analyses them. An Error finding on a desired object (as the finding's
/// subject or as its evidence) blocks the write; findings on the rest of the context are the context's own business.
/// </summary>
public static class DesiredConfigCheck
{
    private const string RuntimeCategory = "Runtime";

    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static DesiredCheckResult Check(ManifestSet desired, ManifestSet context, AnalysisOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(context);
        var keys = desired.Resources.Select(r => Key(r.Kind, r.Namespace, r.Name)).ToHashSet();
        var kept = context.Resources.Where(r => !keys.Contains(Key(r.Kind, r.Namespace, r.Name))).ToList();
        var merged = ManifestSet.Merge(new ManifestSet(kept, context.Errors) { Warnings = context.Warnings, Skipped = context.Skipped }, desired);
        var (report, model) = MeshAnalyzer.AnalyzeWithModel(merged, options, cancellationToken);
        var blocking = report.Findings
            .Where(f => f.Severity == Severity.Error)
            // What pods report (not running, not ready, no ready endpoint) is the cluster's state, not the desired
            // object's mistake; blocking on it would refuse the very change that fixes it.
            .Where(f => RuleCatalog.Find(f.RuleId)?.Category != RuntimeCategory)
            .Where(f => Concerns(f.Resource, keys) || f.Evidence.Any(e => Concerns(e.Resource, keys)))
            .ToList();
        return new DesiredCheckResult(blocking, report) { ConsulNamespaces = model.Settings.ConsulNamespaces };
    }

    private static bool Concerns(ResourceRef resource, HashSet<(string, string, string)> keys) =>
        keys.Contains(Key(resource.Kind, resource.Namespace, resource.Name));

    // An object that names no namespace lands where kubectl's default context puts it, as the model reads it.
    private static (string Kind, string Namespace, string Name) Key(string kind, string? ns, string name) =>
        (kind, string.IsNullOrEmpty(ns) ? "default" : ns, name);
}

/// <summary>What <see cref="DesiredConfigCheck"/> found: the Error findings that block the write, and the whole analysis.</summary>
public sealed record DesiredCheckResult(IReadOnlyList<Finding> Blocking, AnalysisReport Report)
{
    /// <summary>True when nothing blocks the write.</summary>
    public bool Passed => Blocking.Count == 0;

    /// <summary>Where consul-k8s places each Kubernetes namespace in Consul, as the context (its injector or Helm values) says.</summary>
    public Model.ConsulNamespaces ConsulNamespaces { get; init; } = Model.ConsulNamespaces.Unknown;
}
