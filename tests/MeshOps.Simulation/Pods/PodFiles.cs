using System.Collections.Concurrent;

namespace MeshOps.Simulation.Pods;

/// <summary>
/// The files a command run in a simulated container can read (<c>cat /proc/net/tcp</c>): by namespace, pod, container
/// and path. A path not set here does not exist in the container.
/// </summary>
public sealed class PodFiles
{
    private readonly ConcurrentDictionary<(string Namespace, string Pod, string Container, string Path), string> _files = new();

    public void Write(string ns, string pod, string container, string path, string content) => _files[(ns, pod, container, path)] = content;

    public string? Read(string ns, string pod, string container, string path) =>
        _files.TryGetValue((ns, pod, container, path), out var content) ? content : null;
}
