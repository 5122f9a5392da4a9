namespace MeshOps.Simulation.Faults;

/// <summary>
/// <c>MeshOps.Simulation --envoy-admin-fault &lt;kind&gt; [--delay-seconds N]</c>: one <see cref="FaultyEnvoyAdmin"/> as a
/// process, for the Pester suites, which cannot host one; prints <c>READY &lt;admin URL&gt;</c> and serves until its
/// standard input closes.
/// </summary>
internal static class FaultyEnvoyAdminProgram
{
    public const string Option = "--envoy-admin-fault";

    public static readonly IReadOnlyDictionary<string, EnvoyAdminFaultKind> Kinds = new Dictionary<string, EnvoyAdminFaultKind>(StringComparer.Ordinal)
    {
        ["none"] = EnvoyAdminFaultKind.None,
        ["slow"] = EnvoyAdminFaultKind.Slow,
        ["truncated-length"] = EnvoyAdminFaultKind.TruncatedLength,
        ["truncated-chunked"] = EnvoyAdminFaultKind.TruncatedChunked,
        ["service-unavailable"] = EnvoyAdminFaultKind.ServiceUnavailable,
        ["oversized-length"] = EnvoyAdminFaultKind.OversizedLength,
        ["oversized-chunked"] = EnvoyAdminFaultKind.OversizedChunked,
    };

    public static async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken stop)
    {
        EnvoyAdminFaultKind? kind = null;
        TimeSpan? delay = null;
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : null;
            switch (args[i])
            {
                case Option when value is not null && Kinds.TryGetValue(value, out var parsed):
                    kind = parsed;
                    i++;
                    break;
                case "--delay-seconds" when int.TryParse(value, out var seconds) && seconds > 0:
                    delay = TimeSpan.FromSeconds(seconds);
                    i++;
                    break;
                default:
                    await Console.Error.WriteLineAsync($"MeshOps.Simulation: {Option} takes one of {string.Join(", ", Kinds.Keys)}, then optionally --delay-seconds N; '{args[i]}' is not that.");
                    return 2;
            }
        }

        await using var admin = await FaultyEnvoyAdmin.StartAsync(kind!.Value, delay: delay);
        await Console.Error.WriteLineAsync($"simulated Envoy admin (not a real one) answering with fault {args[1]} at {admin.BaseAddress}");
        Console.WriteLine($"READY {admin.BaseAddress}");
        Console.Out.Flush();
        await Program.WaitForStopAsync(stop);
        return 0;
    }
}
