using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using MeshOps.Live.Tests.Kubernetes;

namespace MeshOps.Live.Tests.Streams;

/// <summary>A running <c>kubectl port-forward pod :port</c>: the local port kubectl chose, what it printed, and a kill on dispose.</summary>
public sealed partial class KubectlPortForward : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stderr = new();

    private KubectlPortForward(Process process, int localPort)
    {
        _process = process;
        LocalPort = localPort;
    }

    public int LocalPort { get; }

    public string Stderr
    {
        get
        {
            lock (_stderr)
                return _stderr.ToString();
        }
    }

    public static async Task<KubectlPortForward> StartAsync(string kubeconfig, string pod, int port, bool websockets)
    {
        var start = new ProcessStartInfo(Kubectl.Path!) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "--kubeconfig", kubeconfig, "port-forward", "-n", "shop", pod, $":{port}" })
            start.ArgumentList.Add(argument);
        start.Environment["HOME"] = Directory.CreateTempSubdirectory("kubectl-home").FullName;
        start.Environment.Remove("KUBECONFIG");
        start.Environment["KUBECTL_PORT_FORWARD_WEBSOCKETS"] = websockets ? "true" : "false";
        var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (Forwarding().Match(line) is { Success: true } match)
            {
                var forward = new KubectlPortForward(process, int.Parse(match.Groups["port"].Value, System.Globalization.CultureInfo.InvariantCulture));
                process.ErrorDataReceived += (_, e) =>
                {
                    lock (forward._stderr)
                        forward._stderr.AppendLine(e.Data);
                };
                process.BeginErrorReadLine();
                return forward;
            }
        }

        var stderr = await process.StandardError.ReadToEndAsync(timeout.Token);
        throw new InvalidOperationException($"kubectl port-forward ended before forwarding: {stderr}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    [GeneratedRegex(@"^Forwarding from 127\.0\.0\.1:(?<port>\d+) -> \d+$")]
    private static partial Regex Forwarding();
}
