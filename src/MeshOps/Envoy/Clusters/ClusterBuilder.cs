namespace MeshOps.Envoy.Clusters;

/// <summary>Collects one cluster's facts while a parser reads them (the text form spreads a cluster over many lines).</summary>
internal sealed class ClusterBuilder(EnvoySource source, string name)
{
    private readonly Dictionary<string, EnvoyClusterHost> hosts = new(StringComparer.Ordinal);
    private readonly List<string> hostOrder = [];

    public EnvoySource Source { get; } = source;

    public string Name { get; } = name;

    public string? ObservabilityName { get; set; }

    public string? EdsServiceName { get; set; }

    public bool AddedViaApi { get; set; }

    public ulong[]? DefaultPriority { get; set; }

    public ulong[]? HighPriority { get; set; }

    public double? SuccessRateEjectionThreshold { get; set; }

    public double? LocalOriginSuccessRateEjectionThreshold { get; set; }

    /// <summary>Applies <paramref name="change"/> to the host at <paramref name="address"/>, adding it on first sight.</summary>
    public void Host(string address, Func<EnvoyClusterHost, EnvoyClusterHost> change, Func<EnvoyClusterHost> create)
    {
        if (!hosts.TryGetValue(address, out var host))
        {
            host = create();
            hostOrder.Add(address);
        }

        hosts[address] = change(host);
    }

    public EnvoyCluster Build() => new()
    {
        Source = Source,
        Name = Name,
        ObservabilityName = ObservabilityName,
        EdsServiceName = EdsServiceName,
        AddedViaApi = AddedViaApi,
        DefaultPriorityLimits = Limits(DefaultPriority),
        HighPriorityLimits = Limits(HighPriority),
        SuccessRateEjectionThreshold = SuccessRateEjectionThreshold,
        LocalOriginSuccessRateEjectionThreshold = LocalOriginSuccessRateEjectionThreshold,
        Hosts = hostOrder.Select(a => hosts[a]).ToArray(),
    };

    private static EnvoyCircuitBreakerLimits? Limits(ulong[]? values) =>
        values is null ? null : new EnvoyCircuitBreakerLimits(values[0], values[1], values[2], values[3]);

    /// <summary>The position of a circuit breaker key in <see cref="EnvoyCircuitBreakerLimits"/>'s order; -1 for another key.</summary>
    public static int LimitIndex(string key) => key switch
    {
        "max_connections" => 0,
        "max_pending_requests" => 1,
        "max_requests" => 2,
        "max_retries" => 3,
        _ => -1,
    };

    /// <summary>Outlier rates and thresholds: Envoy prints -1 (or omits the JSON field) when it has no data.</summary>
    public static double? Rate(double value) => value < 0 ? null : value;
}
