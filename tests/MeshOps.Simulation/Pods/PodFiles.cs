using System.Collections.Concurrent;

namespace MeshOps.Simulation.Pods;

/// <summary>
/// The files a command run in a simulated container can read (<c>cat /proc/net/tcp</c>): by namespace, pod, container
/// and path. A path not set here does not exist in the container. A provided file is read anew at each exec, so a
/// test can back it with something live (the /proc/net/tcp of a real network namespace).
/// </summary>
public sealed class PodFiles
{
    private readonly ConcurrentDictionary<(string Namespace, string Pod, string Container, string Path), Func<string?>> _files = new();

    public void Write(string ns, string pod, string container, string path, string content) => _files[(ns, pod, container, path)] = () => content;

    /// <summary>Backs a file with <paramref name="read"/>, called at each read; null means the file does not exist.</summary>
    public void Provide(string ns, string pod, string container, string path, Func<string?> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        _files[(ns, pod, container, path)] = read;
    }

    public string? Read(string ns, string pod, string container, string path) =>
        _files.TryGetValue((ns, pod, container, path), out var read) ? read() : null;
}
