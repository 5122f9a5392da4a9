using BenchmarkDotNet.Attributes;
using MeshOps.Analysis;
using MeshOps.Sources;
using MeshOps.Sources.Files;
using YamlDotNet.RepresentationModel;

namespace MeshOps.Benchmarks;

/// <summary>
/// Parse (the baseline: YAML parsing alone, YamlDotNet's standard YamlStream reading the text into a node tree)
/// against Analyze (MeshOps' whole job on the same text: load into typed objects with positions, build the model,
/// run every rule). The baseline is a fixed, independent parser on purpose: measured against MeshOps' own loader,
/// making that loader faster would have made the ratio worse.
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
    public int Parse() => Pipeline.Parse(_mesh);

    [Benchmark]
    public int Analyze() => Pipeline.Analyze(_mesh).Findings.Count;
}

/// <summary>The two measured operations, shared by the BenchmarkDotNet and the --quick runs.</summary>
public static class Pipeline
{
    /// <summary>YAML parsing alone: every document of the text read into YamlDotNet's node tree. Returns the document count.</summary>
    public static int Parse(SyntheticMesh mesh)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(mesh.Yaml));
        return stream.Documents.Count;
    }

    /// <summary>The 4,000-service text is about 11 MB; the default 16 MB input limit is kept.</summary>
    public static ManifestSet Load(SyntheticMesh mesh) => ManifestLoader.LoadText(mesh.Yaml, mesh.SourceName);

    public static AnalysisReport Analyze(SyntheticMesh mesh) => MeshAnalyzer.Analyze(Load(mesh));
}
