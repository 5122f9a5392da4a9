using MeshOps.Analysis;
using MeshOps.Rules.Catalog;

namespace MeshOps.Benchmarks;

/// <summary>
/// The synthetic mesh is healthy by construction; any finding means the generator or a rule is wrong. Prints what
/// the analysis reports for one size and returns the number of Error findings and load errors.
/// </summary>
public static class HealthCheck
{
    public static int Run(int services, TextWriter output)
    {
        var mesh = SyntheticMesh.Generate(services);
        var manifests = Pipeline.Load(mesh);
        var report = MeshAnalyzer.Analyze(manifests);
        output.WriteLine($"Synthetic mesh, {services} services (seed {mesh.Seed}): {mesh.Yaml.Length / 1024.0 / 1024.0:F1} MB of YAML, "
            + $"{mesh.Resources:N0} objects generated, {manifests.Resources.Count:N0} loaded, {mesh.Calls:N0} calls, "
            + $"{mesh.ConfigMaps:N0} ConfigMaps, {mesh.Intentions:N0} ServiceIntentions, {mesh.Databases:N0} tcp databases");
        output.WriteLine($"Load errors: {report.LoadErrors.Count}; findings: {report.Findings.Count} "
            + $"({string.Join(", ", Enum.GetValues<Severity>().Reverse().Select(s => $"{report.Findings.Count(f => f.Severity == s)} {s}"))})");
        foreach (var error in report.LoadErrors.Take(5))
        {
            output.WriteLine($"  load error: {error}");
        }

        foreach (var group in report.Findings.GroupBy(f => (f.RuleId, f.Severity)).OrderBy(g => g.Key.RuleId, StringComparer.Ordinal))
        {
            output.WriteLine($"  {group.Key.RuleId} {group.Key.Severity}: {group.Count()}, e.g. {group.First()}");
        }

        var model = Model.MeshModelBuilder.Build(manifests);
        output.WriteLine($"Model: {model.Workloads.Count:N0} workloads ({model.Workloads.Count(w => w.InMesh):N0} in mesh, "
            + $"{model.Workloads.Count(w => model.ServicesSelecting(w).Count > 0):N0} selected by a Service), {model.Edges.Count:N0} call edges "
            + $"({model.Edges.Count(e => e.Target is not null):N0} resolved to a Service; generated {mesh.Calls:N0}), "
            + $"{model.Intentions.Entries.Count:N0} intention entries");

        // Negative control: deny one allowed call; the analysis must then report exactly that call (MESH201).
        var broken = mesh.Yaml.Remove(mesh.Yaml.IndexOf("action: allow", StringComparison.Ordinal), "action: allow".Length)
            .Insert(mesh.Yaml.IndexOf("action: allow", StringComparison.Ordinal), "action: deny");
        var control = MeshAnalyzer.Analyze(Sources.Files.ManifestLoader.LoadText(broken, mesh.SourceName));
        output.WriteLine($"Negative control (first 'action: allow' turned into deny): "
            + $"{string.Join("; ", control.Findings.Select(f => $"{f.RuleId} {f.Severity} {f.Message}"))}");

        if (manifests.Resources.Count != mesh.Resources)
        {
            output.WriteLine($"  MISMATCH: generated {mesh.Resources} objects, loaded {manifests.Resources.Count}");
        }

        return report.LoadErrors.Count + report.Findings.Count(f => f.Severity == Severity.Error)
            + (manifests.Resources.Count != mesh.Resources ? 1 : 0);
    }
}
