using MeshOps.Clients.Kubernetes;
using MeshOps.Model;
using MeshOps.Paths.Hops;

namespace MeshOps.Paths.Live;

/// <summary>
/// Reads where the destination app listens from the kernel: <c>cat /proc/net/tcp /proc/net/tcp6</c> through exec in
/// a destination pod (no netstat needed in the image). The containers of a pod share its network namespace, so the
/// app container is asked first and the sidecar's when the app's image has no cat. Exec is kept per pod, so -All
/// reads each destination pod once.
/// </summary>
internal sealed class ListenerProbe(KubernetesConnection cluster, LivePathOptions options) : ILiveHopProbe
{
    private const string Command = "cat /proc/net/tcp /proc/net/tcp6";
    private readonly Dictionary<(string Namespace, string Pod), Task<(string? Container, string? Output, string? Problem)>> _reads = [];

    public PathHopName Hop => PathHopName.Listener;

    public void Prefetch(ResolvedPath path, CancellationToken cancellationToken)
    {
        if (Target(path) is { } target)
        {
            _ = ReadAsync(target.Pod, target.Port, cancellationToken);
        }
    }

    public async Task<HopJudgement> ProbeAsync(ResolvedPath path, CancellationToken cancellationToken)
    {
        var context = path.Context;
        if (PathPods.Running(context.Model, context.Destination).Count == 0)
        {
            return Unknown($"no Running pod of {context.Destination} to read its listening sockets from");
        }

        if (Target(path) is not { } target)
        {
            return Unknown($"the Service port of {context.Destination} names no container port of its pods, so there is no port to look for");
        }

        var (pod, port) = target;
        var (container, output, problem) = await ReadAsync(pod, port, cancellationToken).ConfigureAwait(false);
        if (output is null)
        {
            return Unknown($"pod {pod.Name}: {Command} could not be run: {problem}");
        }

        try
        {
            var sockets = ProcNetTcp.Parse(output);
            return ListenerSocketJudge.Judge(new ListenerData(pod.Namespace, pod.Name, container!, pod.PodIp ?? "", port, sockets) { HasSidecar = pod.Sidecar is not null });
        }
        catch (FormatException unreadable)
        {
            return Unknown($"pod {pod.Name}: {container} printed what is not the kernel's socket table: {unreadable.Message}");
        }
    }

    /// <summary>The destination pod to read and the container port the Service sends the path's port to.</summary>
    private static (PathPod Pod, int Port)? Target(ResolvedPath path)
    {
        var context = path.Context;
        if (!context.Destination.Resolved || context.ServicePort is not { } servicePort || PathPods.Running(context.Model, context.Destination) is not [var pod, ..])
        {
            return null;
        }

        var workload = context.Destination.Workloads.FirstOrDefault(w => PodSelection.Of(context.Model, w).Any(r => r.Name == pod.Name)) ?? context.Destination.Workloads[0];
        return ContainerPorts.TargetNumber(workload, servicePort) is { } port ? (pod, port) : null;
    }

    private Task<(string? Container, string? Output, string? Problem)> ReadAsync(PathPod pod, int port, CancellationToken cancellationToken)
    {
        lock (_reads)
        {
            if (!_reads.TryGetValue((pod.Namespace, pod.Name), out var read))
            {
                read = ExecAsync(pod, port, cancellationToken);
                _reads[(pod.Namespace, pod.Name)] = read;
            }

            return read;
        }
    }

    /// <summary>The app container that declares the port first, then the other app containers, then the sidecar.</summary>
    private async Task<(string? Container, string? Output, string? Problem)> ExecAsync(PathPod pod, int port, CancellationToken cancellationToken)
    {
        var candidates = pod.AppContainers
            .OrderBy(c => c.Ports?.Any(p => p.ContainerPort == port) == true ? 0 : 1)
            .Select(c => c.Name)
            .Concat(pod.Sidecar is null ? [] : [pod.Sidecar])
            .ToList();
        var problems = new List<string>();
        foreach (var container in candidates)
        {
            try
            {
                options.OnNote?.Invoke($"exec in pod {pod} container {container}: {Command}");
                var result = await PodExec.RunAsync(cluster.Client, pod.Namespace, pod.Name, container, ["cat", "/proc/net/tcp", "/proc/net/tcp6"], cancellationToken).ConfigureAwait(false);
                // A kernel without IPv6 has no tcp6: cat fails on it after printing tcp, which is still the answer.
                if (result.Stdout.Contains("local_address", StringComparison.Ordinal))
                {
                    return (container, result.Stdout, null);
                }

                problems.Add($"container {container} exited {result.ExitCode}: {Short(result.Stderr)}");
            }
            catch (Exception e) when (e is PodStreamException or KubernetesRequestException or TimeoutException or IOException)
            {
                problems.Add($"container {container}: {e.Message}");
            }
        }

        return (null, null, string.Join("; ", problems));
    }

    private static string Short(string text) => text.Length <= 200 ? text.Trim() : text[..200].Trim() + "…";

    private static HopJudgement Unknown(string why) => new(PathHopStatus.Unknown, [why], why, "", "");
}
