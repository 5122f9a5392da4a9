namespace MeshOps.Paths.Hops;

/// <summary>
/// A hop only a running cluster can answer (Consul's catalog, the source's Envoy): offline it is Skipped, with the
/// command that answers it live.
/// </summary>
internal sealed class LiveOnlyHop(PathHopName name) : IHopCheck
{
    public PathHopName Name => name;

    public HopInputs? Inputs(PathContext path) => name == PathHopName.Catalog ? HopInputs.Destination(path) : null;

    public HopJudgement Judge(PathContext path)
    {
        var destination = path.Destination.ConsulName;
        // kubectl takes the kind in lower case (deployment/x, statefulset/x, pod/x) wherever a workload is named.
        var source = path.Source.Workloads.FirstOrDefault() is { } workload ? $"{workload.Kind.ToLowerInvariant()}/{workload.Name}" : $"deployment/{path.Source.ConsulName}";
        return name == PathHopName.Catalog
            ? new HopJudgement(
                PathHopStatus.Skipped,
                ["needs a live cluster: manifests hold no Consul catalog"],
                "needs a live cluster",
                "",
                $"consul catalog nodes -service={destination}")
            : new HopJudgement(
                PathHopStatus.Skipped,
                ["needs a live cluster: manifests hold no Envoy configuration"],
                "needs a live cluster",
                "",
                $"kubectl port-forward -n {path.Source.Namespace} {source} 19000:19000 & curl -s localhost:19000/clusters | grep {destination}");
    }
}
