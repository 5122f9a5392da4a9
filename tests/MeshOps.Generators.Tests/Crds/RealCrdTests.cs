namespace MeshOps.Generators.Tests.Crds;

/// <summary>Every real consul-k8s CRD, fed through the user-CRD path, generates code that compiles cleanly.</summary>
public sealed class RealCrdTests
{
    public static TheoryData<string> ConsulCrds()
    {
        var files = Directory.GetFiles(CrdTestPaths.Reference("consul-crds"), "*.yaml").Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
            throw new InvalidOperationException("No CRDs in ../shared/reference/consul-crds.");
        var data = new TheoryData<string>();
        foreach (var file in files)
            data.Add(Path.GetFileName(file));
        return data;
    }

    [Theory]
    [MemberData(nameof(ConsulCrds))]
    public void Real_consul_crd_generates_code_that_compiles_without_warnings(string fileName)
    {
        var path = CrdTestPaths.Reference("consul-crds", fileName);
        var driver = GeneratorHarness.UserCrdDriver([(path, File.ReadAllText(path))]);

        driver.RunGeneratorsAndUpdateCompilation(GeneratorHarness.Compilation(), out var output, out var generatorDiagnostics);

        Assert.True(generatorDiagnostics.IsEmpty, GeneratorHarness.Describe(generatorDiagnostics));
        var generated = output.SyntaxTrees.Where(t => t.FilePath.EndsWith(".g.cs", StringComparison.Ordinal)).ToList();
        var single = Assert.Single(generated);
        Assert.Contains("namespace Shop.Infra.Crds.Consul.Hashicorp.Com", single.ToString(), StringComparison.Ordinal);
        var problems = GeneratorHarness.CompileProblems(output);
        Assert.True(problems.Count == 0, GeneratorHarness.Describe(problems));
    }

    [Fact]
    public void All_real_consul_crds_generate_together_in_one_project()
    {
        var crds = Directory.GetFiles(CrdTestPaths.Reference("consul-crds"), "*.yaml").Order(StringComparer.Ordinal)
            .Select(p => (p, File.ReadAllText(p))).ToList();
        var driver = GeneratorHarness.UserCrdDriver(crds);

        driver.RunGeneratorsAndUpdateCompilation(GeneratorHarness.Compilation(), out var output, out var generatorDiagnostics);

        Assert.True(generatorDiagnostics.IsEmpty, GeneratorHarness.Describe(generatorDiagnostics));
        Assert.Equal(crds.Count, output.SyntaxTrees.Count(t => t.FilePath.EndsWith(".g.cs", StringComparison.Ordinal)));
        var problems = GeneratorHarness.CompileProblems(output);
        Assert.True(problems.Count == 0, GeneratorHarness.Describe(problems));
    }
}
