using System.Runtime.InteropServices;
using MeshOps.Simulation.Cluster;
using MeshOps.Simulation.Faults;

namespace MeshOps.Simulation;

/// <summary>
/// Runs the simulated HashiCups cluster as a process, so the README demo and the Pester suites connect to it exactly
/// as to a real cluster: it writes a kubeconfig, prints <c>READY &lt;kubeconfig&gt;</c> once everything answers, and
/// serves until its standard input closes or it is told to stop (Ctrl+C, SIGTERM).
/// </summary>
internal static class Program
{
    private const string Usage = """
        usage: MeshOps.Simulation --kubeconfig <file> [--seeded <fault folder>] [--runtime-fault <kind>:<service>]... [--namespace <ns>] [--request-log <file>]

          --kubeconfig <file>             where to write the kubeconfig of the simulated cluster (required)
          --seeded <fault folder>         a folder of examples/hashicups/faults laid over the healthy set (e.g. MESH101-payments-targetport)
          --runtime-fault <kind>:<svc>    a fault no manifest shows; kinds: sidecar-not-ready, crashloop, no-ready-endpoints, missing-from-catalog, bound-to-pod-ip,
                                          connect-failures, expired-certificate, consul-unreachable, sync-refused, entry-drift, slow-sync
          --request-log <file>            appends a line per request the API server receives (method, path, query) to <file>
          --namespace <ns>                where HashiCups runs (default: default)
          --api-fault <kind>[:<path>]     the API server fails every request (under <path>) once ready; kinds: latency,
                                          server-error, too-many-requests, drop-connection, truncated-body, expired-token

        usage: MeshOps.Simulation --envoy-admin-fault <kind> [--delay-seconds <n>]

          runs one Envoy admin on 127.0.0.1 that breaks every answer, and prints "READY <admin URL>"; kinds: none, slow,
          truncated-length, truncated-chunked, service-unavailable, oversized-length, oversized-chunked

        Prints "READY <kubeconfig>" when the cluster answers; stops when standard input closes, on Ctrl+C or SIGTERM.
        """;

    private static async Task<int> Main(string[] args)
    {
        if (args.Contains(FaultyEnvoyAdminProgram.Option, StringComparer.Ordinal))
        {
            var (stopAdmin, adminSigterm) = StopOnSignal();
            using (stopAdmin)
            using (adminSigterm)
            {
                return await FaultyEnvoyAdminProgram.RunAsync(args, stopAdmin.Token);
            }
        }

        SimulatorArguments parsed;
        try
        {
            parsed = SimulatorArguments.Parse(args);
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync($"MeshOps.Simulation: {e.Message}\n\n{Usage}");
            return 2;
        }

        if (parsed.Help)
        {
            Console.WriteLine(Usage);
            return 0;
        }

        var (stop, sigterm) = StopOnSignal();
        using var stopping = stop;
        using var sigtermRegistration = sigterm;
        SimulatedCluster cluster;
        try
        {
            cluster = await SimulatedCluster.StartAsync(parsed.Options, stop.Token);
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync($"MeshOps.Simulation: {e.Message}");
            return 2;
        }

        await using var running = cluster;
        var kubeconfig = cluster.WriteKubeconfig(parsed.Kubeconfig);
        if (parsed.RequestLog is { } requestLog)
        {
            cluster.Kubernetes.LogRequestsTo(requestLog);
        }

        foreach (var fault in parsed.ApiFaults)
        {
            cluster.KubernetesFaults.Add(fault);
        }

        await Console.Error.WriteLineAsync(Describe(cluster, parsed.ApiFaults));
        Console.WriteLine($"READY {kubeconfig}");
        Console.Out.Flush();
        await WaitForStopAsync(stop.Token);
        return 0;
    }

    /// <summary>Cancelled on Ctrl+C or SIGTERM while the registration is kept (it unregisters when disposed or collected).</summary>
    private static (CancellationTokenSource Stop, PosixSignalRegistration Sigterm) StopOnSignal()
    {
        var stop = new CancellationTokenSource();
        var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        return (stop, sigterm);
    }

    /// <summary>Returns when standard input closes (the test that started this process is done) or on <paramref name="stop"/>.</summary>
    internal static async Task WaitForStopAsync(CancellationToken stop)
    {
        var stdinClosed = Task.Run(() =>
        {
            using var stdin = Console.OpenStandardInput();
            var buffer = new byte[256];
            while (stdin.Read(buffer, 0, buffer.Length) > 0)
            {
            }
        });
        await Task.WhenAny(stdinClosed, Task.Delay(Timeout.Infinite, stop).ContinueWith(_ => { }, TaskScheduler.Default));
    }

    private static string Describe(SimulatedCluster cluster, IReadOnlyList<Fault> apiFaults)
    {
        var options = cluster.Options;
        var faults = options.RuntimeFaults.Count == 0 ? "none" : string.Join(", ", options.RuntimeFaults.Select(f => $"{f.Kind} on {f.Service}"));
        var failing = apiFaults.Count == 0 ? "" : $"; the API server fails every request with {string.Join(", ", apiFaults.Select(f => f.Kind))}";
        return $"""
            simulated cluster (not a real one): HashiCups in namespace {options.Namespace}, seeded fault {options.SeededFault ?? "none"}, runtime faults {faults}{failing}
            kubernetes API: {cluster.Kubernetes.BaseAddress}
            consul: {cluster.ConsulAddress} (also consul/{ConsulInstallation.ServerPod}:{ConsulInstallation.HttpPort} through a port-forward)
            """;
    }
}
