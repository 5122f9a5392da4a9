using System.Globalization;
using k8s.Models;
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
        return Each(new PathIndex(model, report), new SharedHops());

        IEnumerable<PathReport> Each(PathIndex index, SharedHops shared)
        {
            foreach (var path in paths)
            {
                yield return Judge(Resolve(model, report, path.From, path.To, path.Port, path.Namespace, index), live: null, shared);
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
        var dialled = port ?? FirstPort(edges);
        var servicePort = destination.Service?.Ports is { } ports
            ? dialled is { } number ? PortNumbered(ports, number) : ports.Count == 1 ? ports[0] : null
            : null;
        var context = new PathContext(model, source, destination, edges, dialled, servicePort);
        return new ResolvedPath(context, PathFindings.Select(model, report, source, destination, edges, index));
    }

    /// <summary>
    /// Judges every hop of a resolved path. A hop judged from a running cluster (<paramref name="live"/>: the kernel's
    /// sockets, Consul's catalog, Envoy's counters) is decided by what was seen there; the findings of the manifests'
    /// rules stay as evidence. A live probe that saw nothing leaves a hop the model can judge to the model.
    /// </summary>
    internal static PathReport Judge(ResolvedPath path, IReadOnlyDictionary<PathHopName, HopJudgement>? live) => Judge(path, live, shared: null);

    private static PathReport Judge(ResolvedPath path, IReadOnlyDictionary<PathHopName, HopJudgement>? live, SharedHops? shared)
    {
        var context = path.Context;
        var hops = new PathHop[Checks.Length];
        JudgedHop? failing = null;
        JudgedHop? warning = null;
        for (var i = 0; i < Checks.Length; i++)
        {
            var check = Checks[i];
            var concerning = Concerning(path.Findings, check.Name);
            var liveHop = live?.GetValueOrDefault(check.Name);
            var inputs = shared is null || liveHop is not null ? null : check.Inputs(context);
            if (inputs is not { } key || !shared!.TryGet(check.Name, key, concerning, out var judged))
            {
                judged = Hop(check, context, concerning, liveHop);
                if (inputs is { } added)
                {
                    shared!.Add(check.Name, added, concerning, judged);
                }
            }

            hops[i] = judged.Hop;
            failing ??= judged.Hop.Status == PathHopStatus.Fail ? judged : null;
            warning ??= judged.Hop.Status == PathHopStatus.Warn ? judged : null;
        }

        var rootCause = failing ?? warning;
        var (from, to) = (context.Source.ToString(), context.Destination.ToString());
        return new PathReport(from, to, context.Port, hops, rootCause?.Hop.Name, Verdict(from, to, context.Port, hops, rootCause))
        {
            Called = context.Edges.Count > 0,
        };
    }

    /// <summary>
    /// The calls the source writes to the destination's Service, and those to a name one typo away from it (MESH104
    /// reports them): a caller that dials "postgress" is on the path to postgres, and that is what breaks it.
    /// </summary>
    /// <remarks>A loop, not LINQ: -All asks this for every edge, and most of them keep one call or none.</remarks>
    private static IReadOnlyList<CallEdge> CallsBetween(IReadOnlyList<CallEdge> calls, PathEnd source, PathEnd destination)
    {
        List<CallEdge>? between = null;
        for (var i = 0; i < calls.Count; i++)
        {
            var e = calls[i];
            if (source.Workloads.Contains(e.Source) && !e.IsRemote && (destination.Service is { } service
                ? e.Target == service || (e.Target is null && e.TargetNamespace == service.Namespace && NameSuggester.Nearest(e.TargetName, [service.Name]) is not null)
                : e.Target is null && e.TargetName == destination.ConsulName))
            {
                (between ??= new List<CallEdge>(1)).Add(e);
            }
        }

        return between ?? (IReadOnlyList<CallEdge>)[];
    }

    /// <summary>The port the first call that states one dials.</summary>
    private static int? FirstPort(IReadOnlyList<CallEdge> edges)
    {
        for (var i = 0; i < edges.Count; i++)
        {
            if (edges[i].Port is not null)
            {
                return edges[i].Port;
            }
        }

        return null;
    }

    private static V1ServicePort? PortNumbered(IReadOnlyList<V1ServicePort> ports, int number)
    {
        for (var i = 0; i < ports.Count; i++)
        {
            if (ports[i].Port == number)
            {
                return ports[i];
            }
        }

        return null;
    }

    private static JudgedHop Hop(IHopCheck check, PathContext context, IReadOnlyList<Finding> concerning, HopJudgement? live)
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
        var decisive = seen ? null : Decisive(concerning);
        var status = decisive is null ? judged.Status : decisive.Severity == Severity.Error ? PathHopStatus.Fail : PathHopStatus.Warn;
        var hop = new PathHop(
            check.Name,
            status,
            concerning.Count == 0 ? judged.Evidence : [.. concerning.SelectMany(FindingLines), .. judged.Evidence],
            decisive?.Fix ?? judged.Fix,
            decisive?.Confirm ?? judged.Confirm,
            concerning.Count == 0 && judged.RuleIds.Count == 0 ? [] : [.. concerning.Select(f => f.RuleId).Concat(judged.RuleIds).Distinct(StringComparer.Ordinal)]);
        return new JudgedHop(hop, decisive is null ? judged.Summary : $"{decisive.RuleId} {decisive.Title}");
    }

    /// <summary>The findings of the path that concern this hop, each once, in report order.</summary>
    internal static IReadOnlyList<Finding> Concerning(IReadOnlyList<HopFinding> findings, PathHopName hop)
    {
        // A hop has a finding or two, searched as fast in a list as a set is built; but a shared object's findings reach
        // a hop from both ends, an intention for "*" brings its findings to every path, and with hundreds of them a list
        // search per finding made each path quadratic.
        const int ListSearchedUpTo = 8;
        List<Finding>? concerning = null;
        HashSet<Finding>? seen = null;
        foreach (var finding in findings)
        {
            if (finding.Hop != hop)
            {
                continue;
            }

            concerning ??= [];
            if (seen is null && concerning.Count == ListSearchedUpTo)
            {
                seen = [.. concerning];
            }

            if (seen?.Add(finding.Finding) ?? !concerning.Contains(finding.Finding))
            {
                concerning.Add(finding.Finding);
            }
        }

        return concerning ?? (IReadOnlyList<Finding>)[];
    }

    /// <summary>The first of the most severe findings that warn or fail: it decides the hop.</summary>
    private static Finding? Decisive(IReadOnlyList<Finding> concerning)
    {
        Finding? decisive = null;
        foreach (var finding in concerning)
        {
            if (finding.Severity >= Severity.Warning && (decisive is null || finding.Severity > decisive.Severity))
            {
                decisive = finding;
            }
        }

        return decisive;
    }

    private static HopJudgement WithEvidence(HopJudgement judged, IReadOnlyList<string> more) => judged with { Evidence = [.. judged.Evidence, .. more] };

    private static IEnumerable<string> FindingLines(Finding finding) =>
        finding.Evidence.Select(e => e.ToString()).Prepend($"{finding.Location}: {finding.RuleId} {finding.Severity.ToString().ToLowerInvariant()}: {finding.Message}");

    private static string Verdict(string from, string to, int? port, IReadOnlyList<PathHop> hops, JudgedHop? rootCause)
    {
        var title = port is { } p ? $"{from} -> {to}:{p}" : $"{from} -> {to}";
        if (rootCause is { Hop.Status: PathHopStatus.Fail })
        {
            return $"{title} fails at {rootCause.Hop.Name}: {rootCause.Summary}";
        }

        var (pass, unknown, skipped) = (Count(hops, PathHopStatus.Pass), Count(hops, PathHopStatus.Unknown), Count(hops, PathHopStatus.Skipped));
        return rootCause is null
            ? string.Create(CultureInfo.InvariantCulture, $"{title} passes ({pass} pass, {unknown} unknown, {skipped} skipped)")
            : string.Create(CultureInfo.InvariantCulture, $"{title} passes with a warning at {rootCause.Hop.Name}: {rootCause.Summary} ({pass} pass, {unknown} unknown, {skipped} skipped)");
    }

    private static int Count(IReadOnlyList<PathHop> hops, PathHopStatus status)
    {
        var count = 0;
        foreach (var hop in hops)
        {
            count += hop.Status == status ? 1 : 0;
        }

        return count;
    }
}

/// <summary>A hop and the short reason the verdict line quotes when it is the root cause.</summary>
internal sealed record JudgedHop(PathHop Hop, string Summary);

/// <summary>A path whose ends are resolved, with the findings that concern it, waiting for its hops to be judged.</summary>
internal sealed record ResolvedPath(PathContext Context, IReadOnlyList<HopFinding> Findings);
