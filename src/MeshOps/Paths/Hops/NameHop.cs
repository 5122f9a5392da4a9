namespace MeshOps.Paths.Hops;

/// <summary>The name the caller dials resolves to the destination's Service; shows the calls written to it.</summary>
internal sealed class NameHop : IHopCheck
{
    public PathHopName Name => PathHopName.Name;

    public HopInputs? Inputs(PathContext path) => null;

    public HopJudgement Judge(PathContext path)
    {
        var destination = path.Destination;
        if (!destination.Resolved)
        {
            return UnknownEnd.Judge(destination, "the destination");
        }

        var calls = path.Edges.Select(e => $"{e.Location}: {e.Source} calls {e.TargetName}{(e.Port is { } port ? $":{port}" : "")} ({e.WrittenAt})").ToList();
        if (calls.Count == 0)
        {
            calls.Add($"no call from {path.Source} to {destination} is written in the inputs: the path is traced as if it were");
        }

        var confirm = $"kubectl get service {destination.Service?.Name ?? destination.ConsulName} -n {destination.Namespace}";
        if (destination.Service is not { } service)
        {
            return new HopJudgement(
                PathHopStatus.Unknown,
                [$"{destination.Workloads[0].Resource.Location}: {destination.ConsulName} is a workload that no Service selects: callers dial a Service name", .. calls],
                $"no Service for {destination.ConsulName}",
                "",
                confirm);
        }

        return new HopJudgement(PathHopStatus.Pass, [$"{service.Resource.Location}: Service {service.Name} in namespace {service.Namespace}", .. calls], "", "", confirm);
    }
}
