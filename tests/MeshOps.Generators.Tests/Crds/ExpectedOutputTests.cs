using Microsoft.CodeAnalysis;

namespace MeshOps.Generators.Tests.Crds;

/// <summary>
/// The generated text is compared with the files checked in under <c>Crds/Expected</c>. After an intended change, run
/// the tests with <c>MESHOPS_UPDATE_EXPECTED=1</c> to rewrite them, and review the diff.
/// </summary>
public sealed class ExpectedOutputTests
{
    private static bool Update => Environment.GetEnvironmentVariable("MESHOPS_UPDATE_EXPECTED") == "1";

    [Fact]
    public void Built_in_kinds_generate_the_expected_files()
    {
        var result = GeneratorHarness.BuiltInDriver().RunGenerators(GeneratorHarness.Compilation()).GetRunResult();

        AssertMatchesExpected(result, "BuiltIn", ["ExportedServices", "IngressGateway", "Mesh", "ProxyDefaults", "ServiceDefaults", "ServiceIntentions", "ServiceResolver", "ServiceRouter", "ServiceSplitter", "TerminatingGateway"]);
    }

    [Fact]
    public void A_user_crd_generates_the_expected_file()
    {
        var path = CrdTestPaths.Here("TestData", "widgets.example.com.yaml");
        var driver = GeneratorHarness.UserCrdDriver([(path, File.ReadAllText(path))]);

        var result = driver.RunGenerators(GeneratorHarness.Compilation()).GetRunResult();

        AssertMatchesExpected(result, "User", ["Widget", "Gadget"]);
    }

    [Fact]
    public void The_user_crd_sample_compiles_without_warnings_and_serialises_to_its_field_names()
    {
        var path = CrdTestPaths.Here("TestData", "widgets.example.com.yaml");
        var driver = GeneratorHarness.UserCrdDriver([(path, File.ReadAllText(path))]);
        const string usage = """
            using Shop.Infra.Crds.Example.Com;
            public static class Usage
            {
                public static Widget Make() => Widget.Create("w", size: 3, ownerName: "ops")
                    .WithNamespace("shop")
                    .WithPort(8080)
                    .WithColor(WidgetColor.DarkGreen)
                    .WithXExtra(true)
                    .WithToString2("not the object method")
                    .WithClass("keyword")
                    .With_9lives(9.5)
                    .WithLabel("team", "a")
                    .AddPart(7, p => p.WithOwner(o => o.WithTeam("core")))
                    .AddMatrix(new System.Collections.Generic.List<string> { "a" })
                    .WithWidgetSpec2("same name as the spec class")
                    .WithOwner("ops", o => o.WithClass("gold"))
                    .Build();
            }
            """;

        driver = driver.RunGeneratorsAndUpdateCompilation(GeneratorHarness.Compilation(usage), out var output, out var generatorDiagnostics);

        Assert.Empty(generatorDiagnostics);
        var problems = GeneratorHarness.CompileProblems(output);
        Assert.True(problems.Count == 0, GeneratorHarness.Describe(problems));
    }

    private static void AssertMatchesExpected(GeneratorDriverRunResult result, string folder, string[] kinds)
    {
        Assert.Empty(result.Diagnostics);
        var generated = result.Results.Single().GeneratedSources;
        Assert.Equal(kinds.Length, generated.Length);
        var directory = CrdTestPaths.Here("Expected", folder);
        var mismatches = new List<string>();
        foreach (var source in generated)
        {
            var expectedPath = Path.Combine(directory, source.HintName);
            var actual = source.SourceText.ToString();
            if (Update)
            {
                Directory.CreateDirectory(directory);
                File.WriteAllText(expectedPath, actual);
                continue;
            }

            if (!File.Exists(expectedPath))
                mismatches.Add($"{source.HintName}: no expected file {expectedPath} (run with MESHOPS_UPDATE_EXPECTED=1)");
            else if (File.ReadAllText(expectedPath).ReplaceLineEndings("\n") != actual)
                mismatches.Add($"{source.HintName}: differs from {expectedPath} (run with MESHOPS_UPDATE_EXPECTED=1 and review the diff)");
        }

        Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches));
        Assert.All(kinds, kind => Assert.Contains(generated, s => s.HintName.EndsWith("." + kind + ".g.cs", StringComparison.Ordinal)));
    }
}
