using MeshOps.Analysis;
using MeshOps.Analysis.Rules;
using MeshOps.Consul;
using MeshOps.Model;
using MeshOps.Rules.Catalog;
using MeshOps.Sources;

namespace MeshOps.Paths;

/// <summary>A finding of the analysis and the hop of this path it decides.</summary>
internal sealed record HopFinding(PathHopName Hop, Finding Finding);

/// <summary>
/// Picks the findings that concern one path: those written at its calls, and those about the objects of its ends.
/// A finding about another service never reaches the path, even when it names a shared object such as a ConfigMap.
/// </summary>
internal static class PathFindings
{
    private static readonly string[] DestinationEntryKinds = ["ServiceDefaults", "ServiceRouter", "ServiceSplitter", "ServiceResolver"];

    private static readonly IReadOnlySet<EndRef> NoRefs = new HashSet<EndRef>();

    /// <param name="paths">Built once over the same model and report, it narrows the findings read to those that can concern the path.</param>
    public static IReadOnlyList<HopFinding> Select(
        MeshModel model, AnalysisReport report, PathEnd source, PathEnd destination, IReadOnlyList<CallEdge> edges, PathIndex? paths = null)
    {
        var index = paths?.Findings;
        // A path has a call or two: a list is searched as fast as a set is built.
        var callSites = new List<SourceLocation>(edges.Count);
        foreach (var edge in edges)
        {
            callSites.Add(edge.Location.ForOutput());
        }

        var sourceRefs = paths?.RefsOf(source) ?? EndRefs(source);
        var destinationRefs = destination.Resolved ? paths?.RefsOf(destination) ?? EndRefs(destination) : NoRefs;
        var candidates = index?.About(callSites, sourceRefs, destinationRefs, source, destination) ?? Enumerable.Range(0, report.Findings.Count);
        var selected = new List<HopFinding>(0);
        var copies = new Lazy<ILookup<string, ManifestResource>>(() => IntentionCopies(model));
        foreach (var i in candidates)
        {
            var finding = report.Findings[i];
            if (!RuleHops.ById.TryGetValue(finding.RuleId, out var rule))
            {
                continue;
            }

            if (rule.Scope == RuleScope.Call)
            {
                if (callSites.Contains(finding.Location))
                {
                    selected.Add(new HopFinding(rule.Call!.Value, finding));
                }

                continue;
            }

            var named = index?.Named(i) ?? [.. Named(finding)];
            if (rule.Source is { } sourceHop && named.Any(sourceRefs.Contains))
            {
                selected.Add(new HopFinding(sourceHop, finding));
            }

            if (rule.Destination is { } destinationHop && destination.Resolved
                && (named.Any(destinationRefs.Contains) || Decides(index is null ? IntentionDestinationOf(copies.Value, finding) : index.IntentionDestination(i), destination))
                && ((index is null ? CallersOf(copies.Value, finding, model.ConsulServiceNames, model.NearestServiceNames) : index.Callers(i)) is not { } callers
                    || CallerNames(source).Any(callers.Contains)))
            {
                selected.Add(new HopFinding(destinationHop, finding));
            }
        }

        return selected;
    }

    internal static HashSet<EndRef> EndRefs(PathEnd end)
    {
        var refs = new HashSet<EndRef>();
        if (end.Service is { } service)
        {
            refs.Add(new EndRef("Service", service.Namespace, service.Name));
        }

        foreach (var workload in end.Workloads)
        {
            refs.Add(new EndRef(workload.Kind, workload.Namespace, workload.Name));
            refs.Add(new EndRef("ServiceAccount", workload.Namespace, workload.ServiceAccountName));
        }

        // Consul CE has one namespace: a config entry for a service is found by its name wherever it is written.
        foreach (var kind in DestinationEntryKinds)
        {
            refs.Add(new EndRef(kind, "*", end.ConsulName));
        }

        return refs;
    }

    /// <summary>The finding's subject and the objects its evidence names.</summary>
    internal static IEnumerable<EndRef> Named(Finding finding)
    {
        foreach (var reference in finding.Evidence.Select(e => e.Resource).Prepend(finding.Resource))
        {
            var ns = reference.Namespace ?? "default";
            yield return new EndRef(reference.Kind, ns, reference.Name);
            yield return new EndRef(reference.Kind, "*", reference.Name);
        }
    }

    /// <summary>Every written copy of each ServiceIntentions object by name, in model order: read once for all the findings asked about.</summary>
    internal static ILookup<string, ManifestResource> IntentionCopies(MeshModel model) =>
        model.WrittenIntentions.Concat(model.IntentionResources).ToLookup(r => r.Name, StringComparer.Ordinal);

    /// <summary>
    /// A finding on a ServiceIntentions object concerns the paths into the destination it declares (or into every service,
    /// for a wildcard destination). The object is the written copy the finding points into, since copies may differ.
    /// </summary>
    internal static string? IntentionDestinationOf(ILookup<string, ManifestResource> copies, Finding finding) =>
        IntentionCopyOf(copies, finding)?.Model is ServiceIntentions { Spec.Destination.Name: { } name } ? name : null;

    /// <summary>
    /// The callers a MESH202 finding about an intention's source concerns: the source name nothing declares, and the
    /// declared service its message's "did you mean" names. No other caller's call can match that source, so the finding
    /// explains no other path's intention decision: an intention for "*" naming a retired service made every path of the
    /// mesh warn. Null (every path, as before) for any other finding, and whenever the source cannot be told for sure.
    /// </summary>
    /// <remarks>
    /// The source is the local, undeclared one written where the finding points (the rule skips peers, partitions and
    /// sameness groups). An object read from a cluster has no positions, so every field points at the object: two
    /// undeclared sources, or an undeclared destination (a finding of its own), leave the finding on every path.
    /// </remarks>
    internal static IReadOnlyList<string>? CallersOf(ILookup<string, ManifestResource> copies, Finding finding, IReadOnlySet<string> declared, NearestServiceNames near)
    {
        if (finding.RuleId != RuleCatalog.IntentionNamesUnknownService.Id
            || IntentionCopyOf(copies, finding) is not { Model: ServiceIntentions { Spec: { Sources: { } sources } spec } } copy)
        {
            return null;
        }

        var at = finding.Location;
        if (IntentionNamesUnknownService.IsUnknown(spec.Destination?.Name, declared) && copy.LocationOf("spec", "destination", "name").ForOutput() == at)
        {
            return null;
        }

        string? unknown = null;
        for (var i = 0; i < sources.Count; i++)
        {
            var source = sources[i];
            if (!IntentionNamesUnknownService.IsRemote(source.Peer, source.SamenessGroup, source.Partition)
                && IntentionNamesUnknownService.IsUnknown(source.Name, declared) && source.Name is { } name
                && copy.LocationOf("spec", "sources", i, "name").ForOutput() == at)
            {
                if (unknown is not null && unknown != name)
                {
                    return null;
                }

                unknown = name;
            }
        }

        return unknown is null ? null : near.Of(unknown) is { } nearest ? [unknown, nearest] : [unknown];
    }

    /// <summary>
    /// Every name the source end may be meant by in an intention: the Consul name its path uses, its Kubernetes
    /// Service's name (the declared names "did you mean" picks from hold both) and each workload's Consul name, which
    /// differs from the Service's under a connect-service annotation.
    /// </summary>
    internal static IEnumerable<string> CallerNames(PathEnd source)
    {
        yield return source.ConsulName;
        if (source.Service is { } service && service.Name != source.ConsulName)
        {
            yield return service.Name;
        }

        foreach (var workload in source.Workloads)
        {
            if (workload.ConsulServiceName != source.ConsulName)
            {
                yield return workload.ConsulServiceName;
            }
        }
    }

    // The written copy of the ServiceIntentions object the finding points into: copies may differ.
    private static ManifestResource? IntentionCopyOf(ILookup<string, ManifestResource> copies, Finding finding) =>
        finding.Resource.Kind != "ServiceIntentions"
            ? null
            : copies[finding.Resource.Name]
                .Where(r => r.Location.ForOutput().File == finding.File && r.Location.Line <= finding.Line)
                .MaxBy(r => r.Location.Line);

    private static bool Decides(string? intentionDestination, PathEnd destination) =>
        intentionDestination is { } name && (name == destination.ConsulName || name == "*");
}

/// <summary>An object a finding names or an end of a path is made of; namespace "*" matches a name in any namespace.</summary>
internal sealed record EndRef(string Kind, string Namespace, string Name);
