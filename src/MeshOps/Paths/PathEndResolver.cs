using MeshOps.Model;
using MeshOps.Rules.Text;

namespace MeshOps.Paths;

/// <summary>
/// Finds what a service written as <c>name</c> or <c>name.namespace</c> means in the model: a Kubernetes Service first
/// (what callers dial), then a Consul service name registered by mesh pods (the connect-service annotation), then a workload.
/// </summary>
internal static class PathEndResolver
{
    /// <param name="index">Built once over the same model, it finds workloads and pods by name and suggests near names without a scan per end.</param>
    public static PathEnd Resolve(MeshModel model, string written, string? defaultNamespace, PathIndex? index = null)
    {
        var (name, writtenNamespace) = ServiceAddress.Split(written);
        var ns = writtenNamespace ?? defaultNamespace;
        var namespaces = ns is null ? model.Namespaces.Order(StringComparer.Ordinal).Prepend("default").Distinct() : [ns];
        foreach (var candidate in namespaces)
        {
            if (Find(model, name, candidate, index) is { } end)
            {
                return end with { Written = written };
            }
        }

        return new PathEnd(written, ns ?? "default", name, null, []) { Nearest = Nearest(index?.Names ?? NamesOf(model), name) };
    }

    private static PathEnd? Find(MeshModel model, string name, string ns, PathIndex? index)
    {
        if (model.FindService(ns, name) is { } service)
        {
            return new PathEnd(name, ns, service.ConsulName, service, service.Workloads);
        }

        var registered = index?.RegisteredAs(ns, name) ?? [.. model.Workloads.Where(w => w.Namespace == ns && w.InMesh && w.ConsulServiceName == name)];
        if (registered.Count > 0)
        {
            var selecting = registered.SelectMany(model.ServicesSelecting).FirstOrDefault();
            return new PathEnd(name, ns, name, selecting, selecting?.Workloads ?? registered);
        }

        var workload = index is null ? model.Workloads.FirstOrDefault(w => w.Namespace == ns && w.Name == name) : index.WorkloadNamed(ns, name);
        return workload is not null ? new PathEnd(name, ns, workload.ConsulServiceName, null, [workload]) : FindPod(model, name, ns);
    }

    /// <summary>
    /// A pod by its name (a live snapshot holds the pods): the end is its workload's service, traced from that pod's
    /// own sidecar, as a user who copied the name from <c>kubectl get pods</c> means.
    /// </summary>
    private static PathEnd? FindPod(MeshModel model, string name, string ns)
    {
        var pod = model.Pods.Named(ns, name);
        var owner = pod is null ? null : model.Workloads.FirstOrDefault(w => w.Namespace == ns && PodSelection.Selects(w, pod));
        if (owner is null)
        {
            return null;
        }

        var service = model.ServicesSelecting(owner).FirstOrDefault();
        return new PathEnd(name, ns, owner.ConsulServiceName, service, service?.Workloads ?? [owner]) { Pod = name };
    }

    /// <summary>The names an end may be written as, for "did you mean": Services, Consul service names, workloads.</summary>
    internal static NearNames NamesOf(MeshModel model) =>
        new(model.Services.Select(s => s.Name)
            .Concat(model.Workloads.Select(w => w.ConsulServiceName))
            .Concat(model.Workloads.Select(w => w.Name))
            .Distinct(StringComparer.Ordinal));

    private static IReadOnlyList<string> Nearest(NearNames names, string name) =>
        [.. names.Near(name, Math.Max(2, name.Length / 3))
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .Take(3)
            .Select(c => c.Name)];
}
