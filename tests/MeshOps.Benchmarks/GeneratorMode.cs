namespace MeshOps.Benchmarks;

/// <summary>
/// <c>--generator</c>: the typed-mesh generator benchmark. Every run starts with <see cref="GeneratorHealthCheck"/> on
/// each size and measures nothing when it fails: the figures of a mesh the analyzer objects to, or of a "cached" run
/// that recomputes, would not mean what the table says.
/// </summary>
public static class GeneratorMode
{
    public static readonly int[] AllSizes = [100, 1000];

    public static int Run(string[] args, int[] sizes, TextWriter output)
    {
        // One size at a time, none kept: a size is measured with only its own objects on the heap.
        var failed = sizes.Sum(size => GeneratorHealthCheck.Run(GeneratorPipeline.Create(size), output));
        if (args.Contains("--check") || failed > 0)
        {
            if (failed > 0)
            {
                Console.Error.WriteLine($"GENERATOR HEALTH CHECK FAILED: {failed} check(s) failed (see above); nothing was measured.");
            }

            return failed;
        }

        if (args.Contains("--breakdown"))
        {
            GeneratorBreakdown.Run(sizes, output);
            return 0;
        }

        if (args.Contains("--quick"))
        {
            output.WriteLine();
            output.WriteLine($"QUICK MODE (Stopwatch, {GeneratorQuickRunner.WarmUps} warm-ups + median of {GeneratorQuickRunner.Runs}, no BenchmarkDotNet): a sanity run, not a measurement of record.");
            var (wall, cpu) = GeneratorQuickRunner.Run(sizes, output);
            var missed = GeneratorResultTable.Print(wall, $"QUICK MODE: Stopwatch wall-clock, median of {GeneratorQuickRunner.Runs} after {GeneratorQuickRunner.WarmUps} warm-ups", output);
            GeneratorResultTable.Print(cpu, $"QUICK MODE: process CPU time (less disturbed by other load), median of {GeneratorQuickRunner.Runs}", output);
            return missed;
        }

        return GeneratorBenchmarks.RunAll(sizes, output);
    }
}
