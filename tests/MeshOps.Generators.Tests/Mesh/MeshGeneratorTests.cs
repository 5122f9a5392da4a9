using MeshOps.Generators.Mesh;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace MeshOps.Generators.Tests.Mesh;

public class MeshGeneratorTests
{
    // Set to 1 to rewrite the expected files from the current generator output, then review the diff.
    private const string UpdateVariable = "MESHOPS_UPDATE_EXPECTED";

    private static readonly string[] TrackedSteps =
    [
        TrackingNames.Mesh.ServiceDeclarations, TrackingNames.Mesh.MeshDeclarations, TrackingNames.Mesh.Reference, TrackingNames.Mesh.Names,
        TrackingNames.Mesh.ResolvedServices, TrackingNames.Mesh.Services, TrackingNames.Mesh.Meshes,
    ];

    public static TheoryData<string, string> Snapshots => new()
    {
        { "HashiCups", File.ReadAllText(RepoPaths.Combine("examples", "HashiCups.Mesh", "HashiCupsMesh.cs")) },
        { "NestedGlobal", """
            using MeshOps.Authoring; using MeshOps.Consul;

            public static partial class Platform
            {
                public partial class EdgeMesh : MeshDefinition<EdgeMesh>
                {
                    [MeshService("edge \"quoted\"")]
                    [ContainerPort(443, Name = "https", BindAddress = "0.0.0.0")]
                    [ServicePort(443, TargetPortName = "https", Name = "https")]
                    [Upstream(typeof(Cache))]
                    [Upstream(typeof(string))]
                    internal partial class Edge;

                    [MeshService("cache", Protocol = MeshProtocol.Tcp, Image = "redis:7", Replicas = 3)]
                    [ContainerPort(6379)]
                    [ServicePort(6379)]
                    [ServiceAccount(AutomountToken = false)]
                    internal partial class Cache;

                    protected override void Configure(IntentionBuilder<EdgeMesh> intentions) => intentions.Allow<Edge, Cache>();
                }
            }
            """ },
    };

    [Theory]
    [MemberData(nameof(Snapshots))]
    public void Generated_handles_match_the_checked_in_expected_file(string name, string source)
    {
        var (output, run) = MeshCompilation.Generate(MeshCompilation.Create(source));

        var generated = Assert.Single(Assert.Single(run.Results).GeneratedSources);
        var expectedPath = RepoPaths.Combine("tests", "MeshOps.Generators.Tests", "Mesh", "Expected", name + "." + generated.HintName);
        var actual = generated.SourceText.ToString();
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(expectedPath, actual);
        }

        Assert.True(File.Exists(expectedPath), $"{expectedPath} is missing; run the tests with {UpdateVariable}=1 to write it.");
        Assert.Equal(File.ReadAllText(expectedPath).ReplaceLineEndings("\n"), actual);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void Generated_code_documents_every_visible_member_and_compiles_without_warnings()
    {
        var compilation = MeshCompilation.CreateDocumented(File.ReadAllText(RepoPaths.Combine("examples", "HashiCups.Mesh", "HashiCupsMesh.cs")));

        MeshCompilation.Driver(parseOptions: MeshCompilation.DocumentedParseOptions)
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);

        Assert.Empty(generatorDiagnostics);
        var generatedTrees = output.SyntaxTrees.Except(compilation.SyntaxTrees).ToList();
        Assert.Single(generatedTrees);
        // The example's own nested classes carry no docs: proof that missing docs are being reported at all.
        Assert.Contains(output.GetDiagnostics(), d => d.Id == "CS1591" && !generatedTrees.Contains(d.Location.SourceTree!));
        Assert.Empty(output.GetDiagnostics().Where(d => d.Location.SourceTree is { } tree && generatedTrees.Contains(tree)));
    }

    [Fact]
    public void Generation_is_deterministic_across_drivers()
    {
        var compilation = MeshCompilation.Create(MeshSources.Healthy);

        var first = MeshCompilation.Generate(compilation).Run.Results[0].GeneratedSources[0].SourceText.ToString();
        var second = MeshCompilation.Generate(compilation).Run.Results[0].GeneratedSources[0].SourceText.ToString();

        Assert.Equal(first, second);
    }

    [Fact]
    public void An_unrelated_edit_leaves_every_tracked_step_cached_or_unchanged()
    {
        var compilation = MeshCompilation.Create(MeshSources.Healthy, "namespace Demo; public static class Util { public static int One() => 1; }");
        var driver = MeshCompilation.Driver().RunGenerators(compilation);
        var unrelated = compilation.SyntaxTrees[1];
        var edited = compilation.ReplaceSyntaxTree(unrelated, unrelated.WithChangedText(
            Microsoft.CodeAnalysis.Text.SourceText.From("namespace Demo; public static class Util { public static int Two() => 2; }")));

        var result = driver.RunGenerators(edited).GetRunResult().Results[0];

        foreach (var step in TrackedSteps)
        {
            Assert.True(result.TrackedSteps.ContainsKey(step), $"step {step} is not tracked");
            var reasons = result.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
            Assert.NotEmpty(reasons);
            Assert.All(reasons, reason => Assert.True(
                reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step} ran with {reason}"));
        }

        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs),
            output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }

    [Fact]
    public void Changing_a_declared_port_reruns_the_mesh_step_and_rewrites_the_file()
    {
        var compilation = MeshCompilation.Create(MeshSources.Healthy);
        var driver = MeshCompilation.Driver().RunGenerators(compilation);
        var tree = compilation.SyntaxTrees[0];
        var edited = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(
            Microsoft.CodeAnalysis.Text.SourceText.From(MeshSources.Healthy.Replace("[ServicePort(9090)]", "[ServicePort(9091)]", StringComparison.Ordinal))));

        var result = driver.RunGenerators(edited).GetRunResult().Results[0];

        Assert.Contains(result.TrackedSteps[TrackingNames.Mesh.Meshes].SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains("ServicePortSpec(9091, 9091", result.GeneratedSources[0].SourceText.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Models_hold_no_roslyn_objects_or_collections_compared_by_reference()
    {
        var compilation = MeshCompilation.Create(MeshSources.Healthy);

        var result = MeshCompilation.Driver().RunGenerators(compilation).GetRunResult().Results[0];

        var walk = ModelWalker.Walk(result, TrackedSteps);
        Assert.True(walk.Problems.Count == 0, walk.Describe());
        Assert.True(walk.Walked > 10, "the walk should have visited the models' values");
    }
}
