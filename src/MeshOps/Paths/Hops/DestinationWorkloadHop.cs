namespace MeshOps.Paths.Hops;

/// <summary>The workloads the destination Service selects, and whether they join the mesh.</summary>
internal sealed class DestinationWorkloadHop : IHopCheck
{
    public PathHopName Name => PathHopName.DestinationWorkload;

    public HopInputs? Inputs(PathContext path) => HopInputs.Destination(path);

    public HopJudgement Judge(PathContext path)
    {
        var destination = path.Destination;
        if (destination.Workloads.Count == 0)
        {
            var selector = string.Join(",", destination.Service!.Selector.Select(p => $"{p.Key}={p.Value}"));
            return new HopJudgement(
                PathHopStatus.Unknown,
                [$"{destination.Service.Resource.Location}: Service {destination.Service.Name} selects no workload in the inputs ({(selector.Length == 0 ? "no selector" : selector)})"],
                $"Service {destination.Service.Name} selects no workload in the inputs",
                "",
                $"kubectl get pods -n {destination.Namespace} -l {selector}");
        }

        return new HopJudgement(
            PathHopStatus.Pass,
            [.. destination.Workloads.Select(w => $"{w.Resource.Location}: {w} {(w.InMesh ? "joins" : "does not join")} the mesh ({w.InMeshOrigin})")],
            "",
            "",
            $"kubectl get pods -n {destination.Namespace} -l {destination.Workloads[0].LabelSelector}");
    }
}
