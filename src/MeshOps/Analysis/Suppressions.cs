using MeshOps.Sources;
using MeshOps.Model;

namespace MeshOps.Analysis;

/// <summary>
/// Reads <c>meshops.io/ignore: MESH105,MESH601</c> from an object's annotations and, for workloads,
/// from the pod template too (where people put mesh annotations).
/// </summary>
internal sealed class Suppressions(MeshModel model)
{
    private readonly Dictionary<ManifestResource, Workload> _workloads = model.Workloads.ToDictionary(w => w.Resource);

    public bool Suppresses(ManifestResource subject, string ruleId) =>
        Lists(subject.Annotations, ruleId)
        || (_workloads.TryGetValue(subject, out var workload) && Lists(workload.PodAnnotations, ruleId));

    private static bool Lists(IReadOnlyDictionary<string, string> annotations, string ruleId) =>
        annotations.TryGetValue(ConsulAnnotations.MeshOpsIgnore, out var list)
        && list.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries)
            .Any(id => string.Equals(id, ruleId, StringComparison.OrdinalIgnoreCase));
}
