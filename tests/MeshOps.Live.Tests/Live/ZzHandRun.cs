using System.Diagnostics;

namespace MeshOps.Live.Tests.Live;

public class ZzHandRun
{
    [Fact]
    public async Task Hand()
    {
        await using var cluster = await LiveCluster.StartAsync(store => HashiCupsObjects.Apply(store, HashiCupsObjects.Files("MESH101-payments-targetport")));
        var kubeconfig = cluster.WriteKubeconfig();
        var psi = new ProcessStartInfo("dotnet", $"pwsh -NoProfile -File /tmp/live-run.ps1 -Kubeconfig {kubeconfig}") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = "/work/wt-live" };
        using var p = Process.Start(psi)!;
        var output = await p.StandardOutput.ReadToEndAsync();
        var err = await p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        File.WriteAllText("/tmp/live-run.out", output + "\n=== stderr\n" + err + "\n=== token " + cluster.Server.Token);
    }
}
