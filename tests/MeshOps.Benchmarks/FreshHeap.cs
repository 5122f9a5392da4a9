namespace MeshOps.Benchmarks;

/// <summary>
/// What every measured run of a scaling benchmark starts from: a compacted heap whose free memory the GC has been asked
/// to give back to the system (<see cref="GCCollectionMode.Aggressive"/> decommits as much as it can), so each run
/// faults in the memory it uses, as the first call in a new pwsh session does.
/// </summary>
/// <remarks>
/// A forced collection alone left committed the memory the largest run had needed: the smaller sizes ran in it, the
/// largest faulted in fresh pages, and the growth ratios measured that difference. The linear control
/// <c>--discovery</c> then had (a copy and split of the same text) grew 14 to 19 times per doubling at 200,000 lines that way,
/// and about 2 once every run starts here (issue 10).
/// </remarks>
internal static class FreshHeap
{
    /// <summary>For a report's header: the growth ratios depend on it, so the reader must know.</summary>
    public const string Description = "every run from a compacted heap whose free memory the GC was asked to return (GCCollectionMode.Aggressive: each run faults in what it uses, as a new session does)";

    public static void Prepare()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }
}
