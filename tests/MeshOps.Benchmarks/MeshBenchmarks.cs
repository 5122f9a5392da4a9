using BenchmarkDotNet.Attributes;
using MeshOps.Analysis;
using MeshOps.Loading;

namespace MeshOps.Benchmarks;

/// <summary>
/// Parse (the baseline: YAML text → typed objects) against Analyze (the same load, then model and every rule) on
/// synthetic meshes. Both start from the same generated text, so Analyze / Parse is what analysis adds to parsing.
/// </summary>
[MemoryDiagnoser]
public class MeshBenchmarks
{
    private SyntheticMesh _mesh = null!;

    [Params(500, 1000, 2000, 4000)]
    public int Services { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        JitWarmup.Ensure();
        _mesh = SyntheticMesh.Generate(Services);
    }

    // Both return a small result: BenchmarkDotNet keeps the last returned object alive during the next invocation,
    // and a kept ManifestSet (86 MB at 4,000 services) made every GC of the following Parse slower than Analyze's.
    [Benchmark(Baseline = true)]
    public int Parse() => Pipeline.Parse(_mesh).Resources.Count;

    [Benchmark]
    public int Analyze() => Pipeline.Analyze(_mesh).Findings.Count;
}

/// <summary>The two measured operations, shared by the BenchmarkDotNet and the --quick runs.</summary>
public static class Pipeline
{
    /// <summary>The 4,000-service text is about 11 MB; the default 16 MB input limit is kept.</summary>
    public static ManifestSet Parse(SyntheticMesh mesh) => ManifestLoader.LoadText(mesh.Yaml, mesh.SourceName);

    public static AnalysisReport Analyze(SyntheticMesh mesh) => MeshAnalyzer.Analyze(Parse(mesh));
}
