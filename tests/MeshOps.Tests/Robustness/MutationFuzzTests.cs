using System.Globalization;
using System.Text;
using MeshOps.Analysis;
using MeshOps.Sources;
using MeshOps.Sources.Files;
using MeshOps.Tests.Analysis;

namespace MeshOps.Tests.Robustness;

/// <summary>
/// Issue 10: one broken value must never cost the findings of the objects around it. Each variant mutates one node of
/// one healthy HashiCups file and analyses it with the other files and a canary mesh whose finding is known; the
/// analysis must complete, any load error must name the mutated file, and the canary's finding must still be there.
/// </summary>
public sealed class MutationFuzzTests
{
    /// <summary>Fixed so that CI runs the same variants every time; set MESHOPS_FUZZ_SEED, MESHOPS_FUZZ_VARIANTS and MESHOPS_FUZZ_FOLDER (another set of manifests) to explore more.</summary>
    private const int DefaultSeed = 20261202;
    private const int DefaultVariants = 3000;
    private const string CanarySource = "<canary>";

    [Fact]
    public void Every_single_node_mutation_of_HashiCups_keeps_the_other_files_findings()
    {
        var seed = Environment.GetEnvironmentVariable("MESHOPS_FUZZ_SEED") is { Length: > 0 } s ? int.Parse(s, CultureInfo.InvariantCulture) : DefaultSeed;
        var folder = Environment.GetEnvironmentVariable("MESHOPS_FUZZ_FOLDER") is { Length: > 0 } f ? f : HashiCupsExample.HealthyFolder;
        var files = Directory.GetFiles(folder).Order(StringComparer.Ordinal)
            .Select(path => (Name: Path.GetFileName(path), Text: File.ReadAllText(path))).ToList();
        var healthy = files.ToDictionary(f => f.Name, f => ManifestLoader.LoadText(f.Text, f.Name));
        var canary = ManifestLoader.LoadText(Canary.ToString(), CanarySource);
        var mutations = files.SelectMany(f => YamlMutator.Of(f.Name, f.Text)).ToList();
        var count = Environment.GetEnvironmentVariable("MESHOPS_FUZZ_VARIANTS") is { Length: > 0 } v ? int.Parse(v, CultureInfo.InvariantCulture) : DefaultVariants;
        var chosen = Sample(mutations, seed, count);

        var failures = new List<string>();
        for (var index = 0; index < chosen.Count; index++)
        {
            var mutation = chosen[index];
            if (Check(mutation, healthy, canary) is { } why)
                failures.Add($"seed {seed}, variant {index}: {mutation.File}:{mutation.Line} {mutation.Kind}: {why}\n--- mutated text ---\n{mutation.Text}\n---");
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {chosen.Count} variants (of {mutations.Count}) failed; the first ones:\n\n{string.Join("\n\n", failures.Take(3))}\n\nAll:\n{string.Join('\n', failures.Select(f => f[..f.IndexOf('\n', StringComparison.Ordinal)]))}");
    }

    /// <summary>Null when the variant passes, else what went wrong.</summary>
    private static string? Check(Mutation mutation, IReadOnlyDictionary<string, ManifestSet> healthy, ManifestSet canary)
    {
        AnalysisReport report;
        try
        {
            var sets = healthy.Select(f => f.Key == mutation.File ? ManifestLoader.LoadText(mutation.Text, mutation.File) : f.Value).Append(canary);
            report = MeshAnalyzer.Analyze(ManifestSet.Merge(sets));
        }
        catch (Exception error)
        {
            return $"{error.GetType().Name}: {error.Message} {error.StackTrace?.Split('\n')[0].Trim()}\n{error.StackTrace}";
        }

        var stray = report.LoadErrors.FirstOrDefault(e => e.Location.File != mutation.File);
        if (stray is not null)
            return $"a load error names another file: {stray}";
        // Issue 10, cause 7: an error the user cannot act on (no line, or the text of a .NET exception) is a failure too.
        var unhelpful = report.LoadErrors.FirstOrDefault(e => e.Location.Line <= 0 || DotNetInternals.Matches(e.Message));
        if (unhelpful is not null)
            return $"a load error without a line or in .NET's words: {unhelpful}";
        if (!report.Findings.Any(f => f.File == CanarySource && f.RuleId == "MESH101"))
            return $"the canary's MESH101 is gone; findings: {string.Join("; ", report.Findings)}";
        return null;
    }

    private static List<Mutation> Sample(List<Mutation> mutations, int seed, int count)
    {
        var random = new Random(seed);
        var shuffled = mutations.ToArray();
        random.Shuffle(shuffled);
        return [.. shuffled.Take(count)];
    }

    /// <summary>A mesh apart from HashiCups with a known fault (MESH101: targetPort 9999, container port 8080).</summary>
    private static TestMesh Canary => new TestMesh().Workload("fuzz-canary").Service("fuzz-canary", port: 80, targetPort: "9999");
}
