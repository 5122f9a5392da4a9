using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace MeshOps.Simulation.Kubernetes.Streams;

/// <summary>
/// One exec over v4/v5.channel.k8s.io: the command's output on stdout (1) and stderr (2) — both on stdout with a
/// TTY —, then the kubelet's v1 Status on the error channel (3), then a normal close. The command never reads stdin,
/// so a v5 client's CLOSE of stdin and resize frames need no answer.
/// </summary>
internal static class PodExecSession
{
    public static async Task RunAsync(ChannelFrames frames, CommandResult result, IReadOnlyList<string> command, ExecOptions options, CancellationToken ct)
    {
        if (options.Stdout && result.Stdout.Length > 0)
            await frames.SendAsync(1, result.Stdout, ct);
        if (result.Stderr.Length > 0 && (options.Tty ? options.Stdout : options.Stderr))
            await frames.SendAsync(options.Tty ? (byte)1 : (byte)2, result.Stderr, ct);
        await frames.SendAsync(3, Encoding.UTF8.GetBytes(Status(result.ExitCode, command).ToJsonString()), ct);
        await frames.CloseAsync(ct);
    }

    /// <summary>The Status the kubelet writes: Success, or NonZeroExitCode with the code as the ExitCode cause.</summary>
    public static JsonObject Status(int exitCode, IReadOnlyList<string> command)
    {
        if (exitCode == 0)
            return new JsonObject { ["metadata"] = new JsonObject(), ["status"] = "Success" };
        var code = exitCode.ToString(CultureInfo.InvariantCulture);
        return new JsonObject
        {
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = $"command terminated with non-zero exit code: error executing command [{string.Join(' ', command)}], exit code {code}",
            ["reason"] = "NonZeroExitCode",
            ["details"] = new JsonObject
            {
                ["causes"] = new JsonArray(new JsonObject { ["reason"] = "ExitCode", ["message"] = code }),
            },
        };
    }
}

/// <summary>The exec query's stream switches.</summary>
internal sealed record ExecOptions(bool Stdout, bool Stderr, bool Tty);
