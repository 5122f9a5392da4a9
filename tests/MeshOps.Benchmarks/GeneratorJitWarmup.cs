namespace MeshOps.Benchmarks;

/// <summary>
/// Brings the compiler, the generator and the analyzer to steady-state (tier-1) code on a small mesh before anything
/// is measured, so the first measured size does not pay for JIT. Sleeps let the background JIT use the one core.
/// </summary>
public static class GeneratorJitWarmup
{
    private static bool _done;

    public static void Ensure()
    {
        if (_done)
        {
            return;
        }

        var pipeline = GeneratorPipeline.Create(64);
        for (var round = 0; round < 3; round++)
        {
            for (var i = 0; i < 15; i++)
            {
                GeneratorPipeline.Compile(pipeline.NewCompilationWithGenerated());
                GeneratorPipeline.FirstRun(GeneratorPipeline.NewDriver(), GeneratorPipeline.NewCompilation(pipeline.Trees));
                var (warm, edited) = pipeline.PrepareCachedRun();
                GeneratorPipeline.CachedRun(warm, edited);
                GeneratorPipeline.Analyze(GeneratorPipeline.PrepareAnalyzer(pipeline.NewCompilationWithGenerated()));
            }

            Thread.Sleep(250);
        }

        _done = true;
    }
}
