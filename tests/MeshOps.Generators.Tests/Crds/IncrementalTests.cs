using System.Reflection;
using MeshOps.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace MeshOps.Generators.Tests.Crds;

/// <summary>The pipeline caches: an unrelated source edit reruns nothing, and no model holds a Roslyn object.</summary>
public sealed class IncrementalTests
{
    private static readonly string[] StepNames = typeof(TrackingNames)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToArray();

    [Fact]
    public void An_unrelated_source_edit_leaves_every_tracked_step_cached_or_unchanged()
    {
        var (driver, compilation) = FirstRun();
        var tree = compilation.SyntaxTrees.Single();
        var edited = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From("public class Unrelated { public int Changed => 2; }")));

        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        var notCached = new List<string>();
        foreach (var name in StepNames)
        {
            Assert.True(result.TrackedSteps.ContainsKey(name), $"Step {name} did not run.");
            foreach (var step in result.TrackedSteps[name])
            {
                foreach (var (_, reason) in step.Outputs)
                {
                    if (reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged))
                        notCached.Add($"{name}: {reason}");
                }
            }
        }

        foreach (var output in result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs))
        {
            if (output.Reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged))
                notCached.Add($"output: {output.Reason}");
        }

        Assert.True(notCached.Count == 0, string.Join(Environment.NewLine, notCached));
    }

    [Fact]
    public void Editing_a_crd_reruns_only_that_file()
    {
        var (driver, compilation, files) = FirstRunWithFiles();
        var widgets = files[0];
        var changed = widgets.GetText()!.ToString().Replace("in widget units.", "in widget units, now documented better.", StringComparison.Ordinal);

        driver = driver.ReplaceAdditionalText(widgets, new GeneratorHarness.InMemoryAdditionalText(widgets.Path, changed));
        var result = driver.RunGenerators(compilation).GetRunResult().Results.Single();

        var reasons = result.TrackedSteps[TrackingNames.CrdModels].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.Contains(IncrementalStepRunReason.Modified, reasons);
        Assert.Contains(reasons, r => r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged);
        Assert.Contains("now documented better", string.Concat(result.GeneratedSources.Select(s => s.SourceText.ToString())), StringComparison.Ordinal);
    }

    [Fact]
    public void Pipeline_models_hold_no_roslyn_objects_or_collections_compared_by_reference()
    {
        var (driver, _) = FirstRun();

        var walk = ModelWalker.Walk(driver.GetRunResult().Results.Single(), StepNames);

        Assert.True(walk.Problems.Count == 0, walk.Describe());
        Assert.True(walk.Walked > 100, $"Only {walk.Walked} objects were walked: the walk does not reach the models.");
    }

    private static (GeneratorDriver Driver, Compilation Compilation) FirstRun()
    {
        var (driver, compilation, _) = FirstRunWithFiles();
        return (driver, compilation);
    }

    private static (GeneratorDriver Driver, Compilation Compilation, IReadOnlyList<AdditionalText> Files) FirstRunWithFiles()
    {
        var widgets = CrdTestPaths.Here("TestData", "widgets.example.com.yaml");
        var splitters = CrdTestPaths.ConsulCrd("servicesplitters");
        IReadOnlyList<AdditionalText> files =
        [
            new GeneratorHarness.InMemoryAdditionalText(widgets, File.ReadAllText(widgets)),
            new GeneratorHarness.InMemoryAdditionalText(splitters, File.ReadAllText(splitters)),

            // An unreadable file, so the diagnostics step has something to track too.
            new GeneratorHarness.InMemoryAdditionalText("/src/crds/broken.yaml", "kind: CustomResourceDefinition\n spec: {}\n"),
        ];
        var driver = GeneratorHarness.UserCrdDriver(files, builtIn: true);
        var compilation = GeneratorHarness.Compilation("public class Unrelated { public int Changed => 1; }");
        driver = driver.RunGenerators(compilation);
        Assert.NotEmpty(driver.GetRunResult().GeneratedTrees);
        Assert.Contains(driver.GetRunResult().Diagnostics, d => d.Id == DiagnosticDescriptors.UnreadableCrdId);
        return (driver, compilation, files);
    }
}
