using MeshOps.Analysis;
using MeshOps.Model;
using MeshOps.Paths.Hops;
using MeshOps.Rules.Catalog;
using MeshOps.Rules.Text;

namespace MeshOps.Paths;

/// <summary>
/// Traces one call, hop by hop in the order traffic takes them, over the model and the rule catalogue's findings. A hop
/// is decided by the findings that concern this path (rule IDs mapped in <see cref="RuleHops"/>), else by what the model
/// holds for it: a hop with nothing to judge it by is Unknown, never Pass. Offline, Catalog and Envoy are Skipped.
/// </summary>
public static class PathTracer
{
    private static readonly IHopCheck[] Checks =
    [
        new SourceWorkloadHop(),
        new NameHop(),
        new ServicePortHop(),
        new DestinationWorkloadHop(),
        new ListenerHop(),
        new ProtocolHop(),
        new IntentionHop(),
        new IdentityHop(),
        new LiveOnlyHop(PathHopName.Catalog),
        new LiveOnlyHop(PathHopName.Envoy),
    ];

    /// <summary>Traces <paramref name="from"/> to <paramref name="to"/>, each written as <c>name</c> or <c>name.namespace</c>.</summary>
    /// <param name="model">The model the <paramref name="report"/> was analysed from.</param>
    /// <param name="report">The findings of the rule catalogue over the same inputs.</param>
    /// <param name="from">The calling service: a Kubernetes Service, Consul service or workload name.</param>
    /// <param name="to">The called service: a Kubernetes Service, Consul service or workload name.</param>
    /// <param name="port">The Service port to trace; by default the port the source's calls dial.</param>
    /// <param name="namespace">The namespace of a name written without one; by default "default", then any namespace that has it.</param>
    public static PathReport Trace(MeshModel model, AnalysisReport report, string from, string to, int? port = null, string? @namespace = null) =>
        Judge(Resolve(model, report, from, to, port, @namespace), live: null);

    /// <summary>
    /// Traces each of <paramref name="paths"/> as <see cref="Trace(MeshModel, AnalysisReport, string, string, int?, string?)"/>
    /// would, one result each as it is asked for; the lookups every trace needs are built once (Test-MeshPath -All).
    /// </summary>
    public static IEnumerable<PathReport> TraceEach(MeshModel model, AnalysisReport report, IEnumerable<PathRequest> paths)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(paths);
        return Each(new PathIndex(model, report));

        IEnumerable<PathReport> Each(PathIndex index)
        {
            foreach (var path in paths)
            {
                yield return Judge(Resolve(model, report, path.From, path.To, path.Port, path.Namespace, index), live: null);
            }
        }
    }

    /// <summary>The two ends, the calls between them, the port and the findings that concern them: what every hop reads.</summary>
    internal static ResolvedPath Resolve(MeshModel model, AnalysisReport report, string from, string to, int? port, string? @namespace, PathIndex? index = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(report);
        ArgumentException.ThrowIfNullOrWhiteSpace(from);
        ArgumentException.ThrowIfNullOrWhiteSpace(to);

        var source = index?.End(from, @namespace) ?? PathEndResolver.Resolve(model, from, @namespace);
        var destination = index?.End(to, @namespace) ?? PathEndResolver.Resolve(model, to, @namespace);
        var edges = CallsBetween(index?.EdgesFrom(source.Workloads) ?? model.Edges, source, destination);
        var dialled = port ?? edges.Select(e => e.Port).FirstOrDefault(p => p is not null);
        var servicePort = destination.Service?.Ports is { } ports
            ? dialled is { } number ? ports.FirstOrDefault(p => p.Port == number) : ports.Count == 1 ? ports[0] : null
            : null;
        var context = new PathContext(model, source, destination, edges, dialled, servicePort);
        return new ResolvedPath(context, PathFindings.Select(model, report, source, destination, edges, index?.Findings));
    }

    /// <summary>
    /// Judges every hop of a resolved path. A hop judged from a running cluster (<paramref name="live"/>: the kernel's
    /// sockets, Consul's catalog, Envoy's counters) is decided by what was seen there; the findings of the manifests'
    /// rules stay as evidence. A live probe that saw nothing leaves a hop the model can judge to the model.
    /// </summary>
    internal static PathReport Judge(ResolvedPath path, IReadOnlyDictionary<PathHopName, HopJudgement>? live)
    {
        var context = path.Context;
        var judged = Checks.Select(check => Hop(check, context, path.Findings, live?.GetValueOrDefault(check.Name))).ToList();
        var hops = judged.Select(j => j.Hop).ToList();
        var rootCause = judged.FirstOrDefault(j => j.Hop.Status == PathHopStatus.Fail) ?? judged.FirstOrDefault(j => j.Hop.Status == PathHopStatus.Warn);
        var title = $"{context.Source} -> {context.Destination}{(context.Port is { } p ? $":{p}" : "")}";
        return new PathReport(context.Source.ToString(), context.Destination.ToString(), context.Port, hops, rootCause?.Hop.Name, Verdict(title, hops, rootCause))
        {
            Called = context.Edges.Count > 0,
        };
    }

    /// <summary>
    /// The calls the source writes to the destination's Service, and those to a name one typo away from it (MESH104
    /// reports them): a caller that dials "postgress" is on the path to postgres, and that is what breaks it.
    /// </summary>
    private static IReadOnlyList<CallEdge> CallsBetween(IEnumerable<CallEdge> calls, PathEnd source, PathEnd destination) =>
        [.. calls.Where(e => source.Workloads.Contains(e.Source) && !e.IsRemote && (destination.Service is { } service
            ? e.Target == service || (e.Target is null && e.TargetNamespace == service.Namespace && NameSuggester.Nearest(e.TargetName, [service.Name]) is not null)
            : e.Target is null && e.TargetName == destination.ConsulName))];

    private static JudgedHop Hop(IHopCheck check, PathContext context, IReadOnlyList<HopFinding> findings, HopJudgement? live)
    {
        if (!context.Destination.Resolved && check.Name > PathHopName.Name)
        {
            return new JudgedHop(new PathHop(check.Name, PathHopStatus.Skipped, [$"the destination '{context.Destination.Written}' did not resolve"], "", "", []), "");
        }

        var seen = live is { Status: not PathHopStatus.Unknown };
        var judged = live switch
        {
            null => check.Judge(context),
            { Status: PathHopStatus.Unknown } when check is not LiveOnlyHop => WithEvidence(check.Judge(context), live.Evidence),
            _ => live,
        };
        var concerning = findings.Where(f => f.Hop == check.Name).Select(f => f.Finding).Distinct().ToList();
        var decisive = seen ? null : concerning.Where(f => f.Severity >= Severity.Warning).OrderByDescending(f => f.Severity).FirstOrDefault();
        var status = decisive is null ? judged.Status : decisive.Severity == Severity.Error ? PathHopStatus.Fail : PathHopStatus.Warn;
        var evidence = concerning.SelectMany(FindingLines).Concat(judged.Evidence).ToList();
        var hop = new PathHop(
            check.Name,
            status,
            evidence,
            decisive?.Fix ?? judged.Fix,
            decisive?.Confirm ?? judged.Confirm,
            [.. concerning.Select(f => f.RuleId).Concat(judged.RuleIds).Distinct(StringComparer.Ordinal)]);
        return new JudgedHop(hop, decisive is null ? judged.Summary : $"{decisive.RuleId} {decisive.Title}");
    }

    private static HopJudgement WithEvidence(HopJudgement judged, IReadOnlyList<string> more) => judged with { Evidence = [.. judged.Evidence, .. more] };

    private static IEnumerable<string> FindingLines(Finding finding) =>
        finding.Evidence.Select(e => e.ToString()).Prepend($"{finding.Location}: {finding.RuleId} {finding.Severity.ToString().ToLowerInvariant()}: {finding.Message}");

    private static string Verdict(string title, IReadOnlyList<PathHop> hops, JudgedHop? rootCause)
    {
        if (rootCause is { Hop.Status: PathHopStatus.Fail })
        {
            return $"{title} fails at {rootCause.Hop.Name}: {rootCause.Summary}";
        }

        var counts = $"{Count(hops, PathHopStatus.Pass)} pass, {Count(hops, PathHopStatus.Unknown)} unknown, {Count(hops, PathHopStatus.Skipped)} skipped";
        return rootCause is null
            ? $"{title} passes ({counts})"
            : $"{title} passes with a warning at {rootCause.Hop.Name}: {rootCause.Summary} ({counts})";
    }

    private static string Count(IReadOnlyList<PathHop> hops, PathHopStatus status) => hops.Count(h => h.Status == status).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A hop and the short reason the verdict line quotes when it is the root cause.</summary>
    private sealed record JudgedHop(PathHop Hop, string Summary);
}

/// <summary>A path whose ends are resolved, with the findings that concern it, waiting for its hops to be judged.</summary>
internal sealed record ResolvedPath(PathContext Context, IReadOnlyList<HopFinding> Findings);
