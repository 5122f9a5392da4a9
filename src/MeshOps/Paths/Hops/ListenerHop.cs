using MeshOps.Model;

namespace MeshOps.Paths.Hops;

/// <summary>
/// Where the destination app listens. It passes only on a bind address its configuration writes: a declared
/// containerPort says what Kubernetes expects, not what the app binds.
/// </summary>
internal sealed class ListenerHop : IHopCheck
{
    public PathHopName Name => PathHopName.Listener;

    public HopInputs? Inputs(PathContext path) => new HopInputs(null, path.Destination, path.ServicePort);

    public HopJudgement Judge(PathContext path)
    {
        var workloads = path.Destination.Workloads;
        if (workloads.Count == 0)
        {
            return new HopJudgement(PathHopStatus.Unknown, ["no destination workload, so no listener to judge"], "no destination workload", "", "");
        }

        var confirm = $"kubectl exec -n {workloads[0].Namespace} {workloads[0].Kind.ToLowerInvariant()}/{workloads[0].Name} -- cat /proc/net/tcp /proc/net/tcp6";
        var binds = workloads.SelectMany(w => BindsServed(w, path).Select(b => $"{b.Site.Location}: {w} binds {b.Bind.Host ?? "*"}:{b.Bind.Port} ({b.Site.WrittenAt})")).ToList();
        if (binds.Count > 0)
        {
            return new HopJudgement(PathHopStatus.Pass, binds, "", "", confirm);
        }

        var declared = workloads.Select(w => $"{w.Resource.Location}: {w} declares ports {Declared(w)}, but its configuration writes no bind address for them");
        return new HopJudgement(
            PathHopStatus.Unknown,
            [.. declared],
            $"no bind address of {workloads[0]} is written in the inputs",
            "",
            confirm);
    }

    private static IEnumerable<LocatedBind> BindsServed(Workload workload, PathContext path)
    {
        var target = path.ServicePort is { } port ? ContainerPorts.TargetNumber(workload, port) : null;
        return target is null ? workload.Binds : workload.Binds.Where(b => b.Bind.Port == target);
    }

    private static string Declared(Workload workload)
    {
        var ports = ContainerPorts.Describe(workload).ToList();
        return ports.Count == 0 ? "none" : string.Join(", ", ports);
    }
}
