namespace MeshOps.Benchmarks;

/// <summary>
/// Brings the whole pipeline to steady-state (tier-1) code before anything is measured. Methods called once per
/// analysis (the model builder, each rule) would otherwise still run tier-0 code during the first, smallest size,
/// which inflated Analyze/Parse at 500 services.
/// </summary>
public static class JitWarmup
{
    private static bool _done;

    public static void Ensure()
    {
        if (_done)
        {
            return;
        }

        var mesh = SyntheticMesh.Generate(64);
        TieredJit.Settle(40, () => Pipeline.Analyze(mesh));
        _done = true;
    }
}
