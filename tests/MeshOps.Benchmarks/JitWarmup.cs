namespace MeshOps.Benchmarks;

/// <summary>
/// Brings the whole pipeline to steady-state (tier-1) code before anything is measured. Methods called once per
/// analysis (the model builder, each rule) would otherwise still run tier-0 code during the first, smallest size,
/// which inflated Analyze/Parse at 500 services. Sleeps let the background JIT use the one core it shares.
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
        for (var round = 0; round < 3; round++)
        {
            for (var i = 0; i < 40; i++)
            {
                Pipeline.Analyze(mesh);
            }

            Thread.Sleep(250);
        }

        _done = true;
    }
}
