using System.Collections.Concurrent;

namespace MeshOps.Simulation.Pods;

/// <summary>What each container of a simulated pod has logged, oldest line first; a container not set here logged nothing.</summary>
public sealed class PodLogs
{
    private readonly ConcurrentDictionary<(string Namespace, string Pod, string Container), IReadOnlyList<string>> _lines = new();

    public void Write(string ns, string pod, string container, IReadOnlyList<string> lines) => _lines[(ns, pod, container)] = lines;

    public IReadOnlyList<string> Read(string ns, string pod, string container) =>
        _lines.TryGetValue((ns, pod, container), out var lines) ? lines : [];
}
