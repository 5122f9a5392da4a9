namespace MeshOps.Simulation.Consul;

/// <summary>
/// One source of a service-intentions config entry seen as the legacy intentions API shows it. Consul (1.9+) stores
/// intentions only as service-intentions entries; the /v1/connect/intentions endpoints read them back this way.
/// </summary>
public sealed record ConsulIntention(string SourceName, string DestinationName, ConsulIntentionAction? Action, bool HasPermissions, string Description, ulong CreateIndex, ulong ModifyIndex)
{
    public string SourceNS { get; init; } = "default";

    public string DestinationNS { get; init; } = "default";

    /// <summary>
    /// Consul's precedence (agent/structs/config_entry_intentions.go computeIntentionPrecedence): 9 for an exact source
    /// and destination, down to 1 for */* to */*.
    /// </summary>
    public int Precedence
    {
        get
        {
            var max = DestinationNS == "*" ? 3 : DestinationName == "*" ? 6 : 9;
            return max - (2 - CountExact(SourceName, SourceNS));
        }
    }

    public bool MatchesSource(string name, string ns = "default") =>
        (SourceNS == "*" || SourceNS == ns) && (SourceName == "*" || SourceName == name);

    public bool MatchesDestination(string name, string ns = "default") =>
        (DestinationNS == "*" || DestinationNS == ns) && (DestinationName == "*" || DestinationName == name);

    private static int CountExact(string name, string ns) => ns == "*" ? 0 : name == "*" ? 1 : 2;
}
