namespace MeshOps.Benchmarks;

/// <summary>
/// Brings the compiler, the generator and the analyzer to steady-state (tier-1) code on a small mesh before anything
/// is measured, so the first measured size does not pay for JIT.
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
        TieredJit.Settle(15, () =>
        {
            GeneratorPipeline.Compile(pipeline.NewCompilationWithGenerated());
            GeneratorPipeline.FirstRun(GeneratorPipeline.NewDriver(), GeneratorPipeline.NewCompilation(pipeline.Trees));
            var (warm, edited) = pipeline.PrepareCachedRun();
            GeneratorPipeline.CachedRun(warm, edited);
            GeneratorPipeline.Analyze(GeneratorPipeline.PrepareAnalyzer(pipeline.NewCompilationWithGenerated()));
        });
        _done = true;
    }
}
