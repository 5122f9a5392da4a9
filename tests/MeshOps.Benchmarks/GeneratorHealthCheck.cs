using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace MeshOps.Benchmarks;

/// <summary>
/// The synthetic typed mesh is healthy by construction, and the cached run is only worth timing if it really is
/// cached. Checks, for one size: the generator runs without exception or diagnostic and writes one file with a handle
/// per service; the project then compiles without errors or warnings; the analyzer reports nothing; turning one Allow
/// into a Deny makes it report exactly one MESH201 (negative control); after the unrelated edit every tracked step is
/// Cached or Unchanged (except the one that carries the new compilation), no [MeshService] class is read again and no
/// output is rewritten. Returns the number of failed checks.
/// </summary>
public static class GeneratorHealthCheck
{
    // Steps whose value is or holds the Compilation: a new compilation after any edit, so Modified by definition.
    private static readonly HashSet<string> CarriesCompilation = ["Compilation"];

    // The generator's syntax transform (MeshSyntaxReader), as TrackingNames names it.
    private const string TransformStep = "MeshServiceDeclarations";

    public static int Run(GeneratorPipeline pipeline, TextWriter output)
    {
        var mesh = pipeline.Mesh;
        var failures = new List<string>();
        output.WriteLine($"Synthetic typed mesh, {mesh.Services} services (seed {SyntheticTypedMesh.DefaultSeed}): {mesh.Files.Count} files, "
            + $"{mesh.Lines:N0} lines, {mesh.Upstreams:N0} upstream edges (= Allow calls), {mesh.Databases} tcp databases");

        var run = GeneratorPipeline.NewDriver().RunGenerators(GeneratorPipeline.NewCompilation(pipeline.Trees)).GetRunResult().Results.Single();
        if (run.Exception is not null)
        {
            failures.Add($"generator threw {run.Exception}");
        }

        failures.AddRange(run.Diagnostics.Select(d => $"generator reported {d}"));
        var handles = run.GeneratedSources.Sum(s => Regex.Count(s.SourceText.ToString(), @"IMeshService<"));
        if (run.GeneratedSources.Length != 1 || handles != mesh.Services)
        {
            failures.Add($"expected one generated file with {mesh.Services} service handles, got {run.GeneratedSources.Length} file(s) with {handles}");
        }

        var compiled = pipeline.NewCompilationWithGenerated().GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        failures.AddRange(compiled.Take(5).Select(d => $"compiler reported {d}"));
        output.WriteLine($"Generated {run.GeneratedSources.Sum(s => s.SourceText.Length) / 1024.0:F0} KB in {run.GeneratedSources.Length} file(s); "
            + $"compiler errors and warnings: {compiled.Count}");

        var findings = GeneratorPipeline.Analyze(GeneratorPipeline.PrepareAnalyzer(pipeline.NewCompilationWithGenerated()));
        output.WriteLine($"MeshDeclarationAnalyzer findings: {findings.Length} (expected: none)");
        failures.AddRange(findings.Take(10).Select(d => $"analyzer reported {d}"));

        var broken = GeneratorPipeline.Parse(mesh.WithFirstAllowDenied());
        var control = GeneratorPipeline.Analyze(GeneratorPipeline.PrepareAnalyzer(GeneratorPipeline.NewCompilation(broken.Concat(pipeline.Generated))));
        output.WriteLine($"Negative control (first Allow turned into Deny): {string.Join("; ", control.Select(d => d.ToString()))}");
        if (control.Length != 1 || control[0].Id != "MESH201")
        {
            failures.Add($"negative control: expected exactly one MESH201, got {control.Length} finding(s)");
        }

        var (warm, edited) = pipeline.PrepareCachedRun(trackSteps: true);
        var cached = GeneratorPipeline.CachedRun(warm, edited).GetRunResult().Results.Single();
        var steps = cached.TrackedSteps
            .Where(s => !CarriesCompilation.Contains(s.Key))
            .SelectMany(s => s.Value)
            .SelectMany(s => s.Outputs)
            .ToList();
        var recomputed = steps.Count(o => o.Reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
        var rewritten = cached.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs).Count(o => o.Reason != IncrementalStepRunReason.Cached);
        // Roslyn calls a syntax transform again for every match on every compilation and compares the result; a class
        // was read again if the transform did not hand back the very model it returned in the first run.
        var transforms = Values(cached, TransformStep);
        var reread = transforms.Zip(Values(warm.GetRunResult().Results.Single(), TransformStep)).Count(pair => !ReferenceEquals(pair.First, pair.Second));
        output.WriteLine($"Cached run after the unrelated edit: {steps.Count:N0} tracked step outputs, {recomputed} changed; {rewritten} source output(s) rewritten; "
            + $"{transforms.Count:N0} [MeshService] transforms called again, {reread} of them read their class again");
        foreach (var step in cached.TrackedSteps.Where(s => !CarriesCompilation.Contains(s.Key)
            && s.Value.SelectMany(r => r.Outputs).Any(o => o.Reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged))))
        {
            output.WriteLine($"  step {step.Key}: {string.Join(", ", step.Value.SelectMany(r => r.Outputs).GroupBy(o => o.Reason).Select(g => $"{g.Count()} {g.Key}"))}");
        }

        if (recomputed > 0 || rewritten > 0 || reread > 0)
        {
            failures.Add($"the unrelated edit changed {recomputed} step output(s), read {reread} class(es) again and rewrote {rewritten} source output(s)");
        }

        foreach (var failure in failures)
        {
            output.WriteLine($"  FAILED: {failure}");
        }

        return failures.Count;
    }

    private static List<object> Values(GeneratorRunResult run, string step) =>
        run.TrackedSteps.TryGetValue(step, out var steps) ? steps.SelectMany(s => s.Outputs).Select(o => o.Value).ToList() : [];
}
