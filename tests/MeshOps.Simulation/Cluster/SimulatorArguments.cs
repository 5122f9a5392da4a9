namespace MeshOps.Simulation.Cluster;

/// <summary>The simulator's command line, read strictly: an unknown option or a missing value is an error that says which.</summary>
internal sealed record SimulatorArguments(string Kubeconfig, SimulatedClusterOptions Options, bool Help)
{
    public static SimulatorArguments Parse(IReadOnlyList<string> args)
    {
        string? kubeconfig = null;
        string? seeded = null;
        var ns = "default";
        var faults = new List<RuntimeFault>();
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

        return new SimulatorArguments(Path.GetFullPath(kubeconfig), new SimulatedClusterOptions { SeededFault = seeded, RuntimeFaults = faults, Namespace = ns }, Help: false);
    }
}
