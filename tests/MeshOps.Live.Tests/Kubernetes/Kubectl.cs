using System.Diagnostics;

namespace MeshOps.Live.Tests.Kubernetes;

/// <summary>Runs the real kubectl as a process against a kubeconfig, capturing what it prints and its exit code.</summary>
public static class Kubectl
{
    public static string? Path { get; } = Find();

    public static async Task<KubectlResult> RunAsync(string kubeconfig, params string[] arguments)
    {
        var start = new ProcessStartInfo(Path ?? throw new InvalidOperationException("kubectl is not on PATH."))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("--kubeconfig");
        start.ArgumentList.Add(kubeconfig);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        // kubectl caches discovery under $HOME/.kube/cache; a fresh home per run keeps one server's answers from another's.
        var home = Directory.CreateTempSubdirectory("kubectl-home");
        start.Environment["HOME"] = home.FullName;
        start.Environment.Remove("KUBECONFIG");
        try
        {
            using var process = Process.Start(start)!;
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            await process.WaitForExitAsync(timeout.Token);
            return new KubectlResult(process.ExitCode, await stdout, await stderr);
        }
        finally
        {
            home.Delete(recursive: true);
        }
    }

    private static string? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => System.IO.Path.Combine(dir, OperatingSystem.IsWindows() ? "kubectl.exe" : "kubectl"))
            .FirstOrDefault(File.Exists);
}

public sealed record KubectlResult(int ExitCode, string Stdout, string Stderr);
