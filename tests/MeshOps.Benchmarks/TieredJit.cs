namespace MeshOps.Benchmarks;

/// <summary>
/// Runs code often enough that tiered compilation has promoted it to steady-state (tier-1) code: three rounds of
/// calls, with sleeps between them so the background JIT gets the one core it shares with the benchmark.
/// </summary>
public static class TieredJit
{
    public static void Settle(int callsPerRound, Action call)
    {
        for (var round = 0; round < 3; round++)
        {
            for (var i = 0; i < callsPerRound; i++)
            {
                call();
            }

            Thread.Sleep(250);
        }
    }
}
