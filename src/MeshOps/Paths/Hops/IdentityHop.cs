using MeshOps.Model;

namespace MeshOps.Paths.Hops;

/// <summary>
/// The ServiceAccounts both ends run as: consul-k8s issues each mesh pod the identity of its ServiceAccount, and
/// intentions are checked against it.
/// </summary>
/// <remarks>Judged for every edge of Test-MeshPath -All, so it walks the ends' few workloads without LINQ.</remarks>
internal sealed class IdentityHop : IHopCheck
{
    public PathHopName Name => PathHopName.Identity;

    public HopInputs? Inputs(PathContext path) => null;

    public HopJudgement Judge(PathContext path)
    {
        var workloads = new List<Workload>(path.Source.Workloads.Count + path.Destination.Workloads.Count);
        AddNew(workloads, path.Source.Workloads);
        AddNew(workloads, path.Destination.Workloads);
        if (!path.Source.Resolved || workloads.Count == 0)
        {
            return new HopJudgement(PathHopStatus.Skipped, ["no workload at an end, so no identity to judge"], "no workload at an end", "", "");
        }

        var evidence = new List<string>(workloads.Count);
        Workload? missing = null;
        foreach (var workload in workloads)
        {
            var found = path.Model.ServiceAccounts.TryGetValue(new ObjectKey(workload.Namespace, workload.ServiceAccountName), out var account);
            evidence.Add(found
                ? $"{account!.Location}: {workload} runs as ServiceAccount {workload.ServiceAccountName}"
                : $"{workload.Resource.Location}: {workload} runs as ServiceAccount {workload.ServiceAccountName}, which is not in the inputs");
            missing ??= found ? null : workload;
        }

        var incomplete = path.Source.Workloads.Count == 0 || path.Destination.Workloads.Count == 0;
        return new HopJudgement(
            missing is null && !incomplete ? PathHopStatus.Pass : PathHopStatus.Unknown,
            evidence,
            missing is null ? (incomplete ? "a workload at one end is not in the inputs" : "") : $"ServiceAccount {missing.ServiceAccountName} is not in the inputs",
            "",
            Confirm(workloads));
    }

    private static void AddNew(List<Workload> workloads, IReadOnlyList<Workload> more)
    {
        foreach (var workload in more)
        {
            if (!workloads.Contains(workload))
            {
                workloads.Add(workload);
            }
        }
    }

    /// <summary>One <c>kubectl get serviceaccount</c> per namespace, in order of first appearance, each account named once.</summary>
    private static string Confirm(List<Workload> workloads)
    {
        var commands = new List<string>(1);
        var done = new List<string>(1);
        foreach (var first in workloads)
        {
            if (done.Contains(first.Namespace))
            {
                continue;
            }

            done.Add(first.Namespace);
            var accounts = new List<string>(workloads.Count);
            foreach (var workload in workloads)
            {
                if (workload.Namespace == first.Namespace && !accounts.Contains(workload.ServiceAccountName))
                {
                    accounts.Add(workload.ServiceAccountName);
                }
            }

            commands.Add($"kubectl get serviceaccount {string.Join(" ", accounts)} -n {first.Namespace}");
        }

        return string.Join("; ", commands);
    }
}
