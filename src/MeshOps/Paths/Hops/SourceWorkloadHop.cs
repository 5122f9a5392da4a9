namespace MeshOps.Paths.Hops;

/// <summary>The caller: which workloads make the call and whether they join the mesh.</summary>
internal sealed class SourceWorkloadHop : IHopCheck
{
    public PathHopName Name => PathHopName.SourceWorkload;

    public HopInputs? Inputs(PathContext path) => HopInputs.Source(path);

    public HopJudgement Judge(PathContext path)
    {
        var source = path.Source;
        if (!source.Resolved)
        {
            return UnknownEnd.Judge(source, "the source");
        }

        if (source.Workloads.Count == 0)
        {
            return new HopJudgement(
                PathHopStatus.Unknown,
                [$"{source.Service!.Resource.Location}: Service {source.Service.Name} selects no workload in the inputs"],
                $"no workload behind {source}",
                "",
                $"kubectl get pods -n {source.Namespace} -l {Selector(source)}");
        }

        return new HopJudgement(
            PathHopStatus.Pass,
            [.. source.Workloads.Select(w => $"{w.Resource.Location}: {w} {(w.InMesh ? "joins" : "does not join")} the mesh ({w.InMeshOrigin})")],
            "",
            "",
            $"kubectl get pods -n {source.Namespace} -l {source.Workloads[0].LabelSelector}");
    }

    private static string Selector(PathEnd end) => string.Join(",", end.Service!.Selector.Select(p => $"{p.Key}={p.Value}"));
}
