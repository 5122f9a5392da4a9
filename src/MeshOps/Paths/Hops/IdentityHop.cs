using MeshOps.Model;

namespace MeshOps.Paths.Hops;

/// <summary>
/// The ServiceAccounts both ends run as: consul-k8s issues each mesh pod the identity of its ServiceAccount, and
/// intentions are checked against it.
/// </summary>
internal sealed class IdentityHop : IHopCheck
{
    public PathHopName Name => PathHopName.Identity;

    public HopInputs? Inputs(PathContext path) => null;

    public HopJudgement Judge(PathContext path)
    {
        var workloads = path.Source.Workloads.Concat(path.Destination.Workloads).Distinct().ToList();
        if (!path.Source.Resolved || workloads.Count == 0)
        {
            return new HopJudgement(PathHopStatus.Skipped, ["no workload at an end, so no identity to judge"], "no workload at an end", "", "");
        }

        var evidence = workloads.Select(w => Describe(path.Model, w)).ToList();
        var missing = workloads.Where(w => !path.Model.ServiceAccounts.ContainsKey(new ObjectKey(w.Namespace, w.ServiceAccountName))).ToList();
        var incomplete = path.Source.Workloads.Count == 0 || path.Destination.Workloads.Count == 0;
        return new HopJudgement(
            missing.Count == 0 && !incomplete ? PathHopStatus.Pass : PathHopStatus.Unknown,
            evidence,
            missing.Count == 0 ? (incomplete ? "a workload at one end is not in the inputs" : "") : $"ServiceAccount {missing[0].ServiceAccountName} is not in the inputs",
            "",
            string.Join("; ", workloads.GroupBy(w => w.Namespace).Select(g => $"kubectl get serviceaccount {string.Join(" ", g.Select(w => w.ServiceAccountName).Distinct())} -n {g.Key}")));
    }

    private static string Describe(MeshModel model, Workload workload) =>
        model.ServiceAccounts.TryGetValue(new ObjectKey(workload.Namespace, workload.ServiceAccountName), out var account)
            ? $"{account.Location}: {workload} runs as ServiceAccount {workload.ServiceAccountName}"
            : $"{workload.Resource.Location}: {workload} runs as ServiceAccount {workload.ServiceAccountName}, which is not in the inputs";
}
