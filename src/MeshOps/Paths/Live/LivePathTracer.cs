using MeshOps.Analysis;
using MeshOps.Clients.Kubernetes;
using MeshOps.Model;
using MeshOps.Paths.Hops;

namespace MeshOps.Paths.Live;

/// <summary>
/// Traces calls on a running cluster: the hops the model judges (from the live snapshot, with the runtime rules'
/// findings), and the hops only the cluster can answer read from it — the destination's listening sockets, Consul's
/// catalog and intention check, the sidecars' Envoy. Only the pods on the path are asked (exec, port-forward, logs),
/// and each of them once per tracer, so -All over many edges reads each sidecar once.
/// </summary>
public sealed class LivePathTracer : IDisposable
{
    private readonly ConsulAccess _consul;
    private readonly IReadOnlyList<ILiveHopProbe> _probes;

    public LivePathTracer(KubernetesConnection cluster, LivePathOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        options ??= new LivePathOptions();
        _consul = new ConsulAccess(cluster, options);
        _probes = [new ListenerProbe(cluster, options), new CatalogProbe(_consul), new EnvoyProbe(cluster, options)];
    }

    /// <summary>Traces one call; the arguments are those of <see cref="PathTracer.Trace"/>, over a live snapshot's model.</summary>
    public async Task<PathReport> TraceAsync(
        MeshModel model, AnalysisReport report, string from, string to, int? port = null, string? @namespace = null, CancellationToken cancellationToken = default)
    {
        return await JudgeAsync(PathTracer.Resolve(model, report, from, to, port, @namespace), cancellationToken).ConfigureAwait(false);
    }

    private async Task<PathReport> JudgeAsync(ResolvedPath path, CancellationToken cancellationToken)
    {
        if (!path.Context.Destination.Resolved || !path.Context.Source.Resolved)
        {
            return PathTracer.Judge(path, Unreadable(path));
        }

        var live = OutsideMesh(path);
        foreach (var probe in _probes.Where(p => !live.ContainsKey(p.Hop)))
        {
            live[probe.Hop] = await probe.ProbeAsync(path, cancellationToken).ConfigureAwait(false);
        }

        return PathTracer.Judge(path, live);
    }

    /// <summary>
    /// Traces each path as <see cref="TraceAsync"/> does, after starting the reads of every pod on them at once (a
    /// few sidecars at a time), so -All over many edges pays the sampling interval per batch of pods, not per edge.
    /// </summary>
    public async IAsyncEnumerable<PathReport> TraceEachAsync(
        MeshModel model, AnalysisReport report, IReadOnlyList<PathRequest> paths, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var index = new PathIndex(model, report);
        var resolved = paths.Select(p => PathTracer.Resolve(model, report, p.From, p.To, p.Port, p.Namespace, index)).ToList();
        foreach (var path in resolved.Where(p => p.Context.Source.Resolved && p.Context.Destination.Resolved))
        {
            foreach (var probe in _probes)
            {
                probe.Prefetch(path, cancellationToken);
            }
        }

        foreach (var path in resolved)
        {
            yield return await JudgeAsync(path, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The mesh hops a path outside the mesh does not take, skipped as the Intention hop skips them: between two
    /// services without sidecars traffic goes pod to pod through kube-proxy, with no Consul catalog or Envoy on the
    /// way; a source without a sidecar has no Envoy of its own (MESH502 judges such a call into the mesh).
    /// </summary>
    private static Dictionary<PathHopName, HopJudgement> OutsideMesh(ResolvedPath path)
    {
        var (source, destination) = (path.Context.Source, path.Context.Destination);
        var skipped = new Dictionary<PathHopName, HopJudgement>();
        var sourceInMesh = source.Workloads.Any(w => w.InMesh);
        if (!sourceInMesh && !destination.Workloads.Any(w => w.InMesh))
        {
            var why = $"neither {source} nor {destination} joins the mesh: the call goes pod to pod, with no Consul catalog or Envoy on its way";
            skipped[PathHopName.Catalog] = new HopJudgement(PathHopStatus.Skipped, [why], why, "", "");
        }

        if (!sourceInMesh)
        {
            var why = $"{source} does not join the mesh: its calls leave without an Envoy of its own";
            skipped[PathHopName.Envoy] = new HopJudgement(PathHopStatus.Skipped, [why], why, "", "");
        }

        return skipped;
    }

    /// <summary>An end that did not resolve has no pod to ask: the live hops say so instead of being Skipped as offline.</summary>
    private Dictionary<PathHopName, HopJudgement> Unreadable(ResolvedPath path)
    {
        var end = path.Context.Source.Resolved ? path.Context.Destination : path.Context.Source;
        return _probes.ToDictionary(
            p => p.Hop,
            _ => new HopJudgement(PathHopStatus.Unknown, [$"'{end.Written}' did not resolve in the cluster, so there is nothing to ask"], $"'{end.Written}' did not resolve", "", ""));
    }

    public void Dispose() => _consul.Dispose();
}
