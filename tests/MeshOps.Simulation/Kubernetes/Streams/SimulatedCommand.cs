using System.Text;
using MeshOps.Simulation.Pods;

namespace MeshOps.Simulation.Kubernetes.Streams;

/// <summary>What a command run in a simulated container printed and how it ended.</summary>
internal sealed record CommandResult(byte[] Stdout, byte[] Stderr, int ExitCode);

/// <summary>
/// The few programs a simulated container has: <c>cat</c> over <see cref="PodFiles"/>, with coreutils' messages.
/// Anything else fails as the container runtime fails an exec of a missing binary: exit 126 and the OCI runtime's
/// message (runc/cri-dockerd; containerd reports the same text as an internal error).
/// </summary>
internal static class SimulatedCommand
{
    public static CommandResult Run(PodFiles files, string ns, string pod, string container, IReadOnlyList<string> argv)
    {
        var program = argv[0];
        if (program is "cat" or "/bin/cat" or "/usr/bin/cat")
            return Cat(files, ns, pod, container, argv.Skip(1).ToList());
        var message = $"OCI runtime exec failed: exec failed: unable to start container process: exec: \"{program}\": executable file not found in $PATH: unknown\r\n";
        return new CommandResult([], Encoding.UTF8.GetBytes(message), 126);
    }

    private static CommandResult Cat(PodFiles files, string ns, string pod, string container, IReadOnlyList<string> paths)
    {
        var stdout = new MemoryStream();
        var stderr = new StringBuilder();
        var exit = 0;
        foreach (var path in paths)
        {
            var content = files.Read(ns, pod, container, path);
            if (content is null)
            {
                stderr.Append("cat: ").Append(path).Append(": No such file or directory\n");
                exit = 1;
                continue;
            }

            stdout.Write(Encoding.UTF8.GetBytes(content));
        }

        return new CommandResult(stdout.ToArray(), Encoding.UTF8.GetBytes(stderr.ToString()), exit);
    }
}
