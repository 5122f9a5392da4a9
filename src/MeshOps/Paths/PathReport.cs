namespace MeshOps.Paths;

/// <summary>
/// A traced call from one service to another. RootCause is the first hop that fails, else the first that warns; null
/// when none does. Passed is true when no hop fails: a hop that is Unknown or Skipped does not fail the path, and says why.
/// </summary>
public sealed record PathReport(string From, string To, int? Port, IReadOnlyList<PathHop> Hops, PathHopName? RootCause, string Verdict)
{
    public bool Passed => Hops.All(h => h.Status != PathHopStatus.Fail);

    /// <summary>True when the source's configuration writes a call to the destination; false for a pair only an intention relates.</summary>
    public bool Called { get; init; }

    public PathHop this[PathHopName name] => Hops.Single(h => h.Name == name);

    public override string ToString() => Verdict;
}
