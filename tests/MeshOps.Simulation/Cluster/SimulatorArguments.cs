using MeshOps.Simulation.Faults;

namespace MeshOps.Simulation.Cluster;

/// <summary>The simulator's command line, read strictly: an unknown option or a missing value is an error that says which.</summary>
internal sealed record SimulatorArguments(string Kubeconfig, SimulatedClusterOptions Options, bool Help)
{
    private static readonly Dictionary<string, FaultKind> ApiFaultKinds = new(StringComparer.Ordinal)
    {
        ["latency"] = FaultKind.Latency,
        ["server-error"] = FaultKind.ServerError,
        ["too-many-requests"] = FaultKind.TooManyRequests,
        ["drop-connection"] = FaultKind.DropConnection,
        ["truncated-body"] = FaultKind.TruncatedBody,
        ["expired-token"] = FaultKind.ExpiredToken,
    };

    /// <summary>What the API server does wrong on every request once the cluster is ready (--api-fault).</summary>
    public IReadOnlyList<Fault> ApiFaults { get; init; } = [];

    /// <summary>A file that gets one line per API request once the cluster is ready (--request-log), so a test in another process sees what was sent.</summary>
    public string? RequestLog { get; init; }

    public static SimulatorArguments Parse(IReadOnlyList<string> args)
    {
        string? kubeconfig = null;
        string? seeded = null;
        var ns = "default";
        var faults = new List<RuntimeFault>();
        var apiFaults = new List<Fault>();
        string? requestLog = null;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "--help" or "-h")
            {
                return new SimulatorArguments("", new SimulatedClusterOptions(), Help: true);
            }

            var value = i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal)
                ? args[++i]
                : throw new ArgumentException($"{arg} needs a value.");
            switch (arg)
            {
                case "--kubeconfig":
                    kubeconfig = value;
                    break;
                case "--seeded":
                    seeded = value;
                    break;
                case "--namespace":
                    ns = value;
                    break;
                case "--runtime-fault":
                    try
                    {
                        faults.Add(RuntimeFault.Parse(value));
                    }
                    catch (FormatException e)
                    {
                        throw new ArgumentException(e.Message, e);
                    }

                    break;
                case "--request-log":
                    requestLog = Path.GetFullPath(value);
                    break;
                case "--api-fault":
                    apiFaults.Add(ApiFault(value));
                    break;
                default:
                    throw new ArgumentException($"unknown option '{arg}'.");
            }
        }

        if (kubeconfig is null)
        {
            throw new ArgumentException("--kubeconfig <file> is required: it says where to write the kubeconfig of the simulated cluster.");
        }

        if (seeded is not null && !HashiCupsManifests.SeededFaults().Contains(seeded, StringComparer.Ordinal))
        {
            throw new ArgumentException($"there is no seeded fault '{seeded}'; the seeded faults are: {string.Join(", ", HashiCupsManifests.SeededFaults())}.");
        }

        return new SimulatorArguments(Path.GetFullPath(kubeconfig), new SimulatedClusterOptions { SeededFault = seeded, RuntimeFaults = faults, Namespace = ns }, Help: false)
        {
            ApiFaults = apiFaults,
            RequestLog = requestLog,
        };
    }

    /// <summary>
    /// kind[:path prefix]. Latency is two minutes, longer than any client timeout, so it shows the timeout; 429 asks
    /// the client to retry after one second.
    /// </summary>
    private static Fault ApiFault(string value)
    {
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        var kind = colon < 0 ? value : value[..colon];
        var prefix = colon < 0 ? null : value[(colon + 1)..];
        return ApiFaultKinds.TryGetValue(kind, out var parsed)
            ? new Fault(parsed, prefix) { Delay = TimeSpan.FromMinutes(2) }
            : throw new ArgumentException($"unknown API fault '{kind}'; the API faults are: {string.Join(", ", ApiFaultKinds.Keys)}.");
    }
}
