using MeshOps.Generators;
using MeshOps.Rules.Catalog;

namespace MeshOps.Generators.Tests.Crds;

/// <summary>
/// The CRD generator's diagnostics own MESH8xx; a rule of the catalogue with one of those IDs would make two different
/// problems one ID in a build log and in -Rule filters (the runtime rules took 8xx once, issue 11).
/// </summary>
public sealed class DiagnosticIdRangeTests
{
    [Fact]
    public void No_rule_of_the_catalogue_shares_an_ID_with_a_CRD_generator_diagnostic()
    {
        string[] generatorIds = [DiagnosticDescriptors.UnreadableCrdId, DiagnosticDescriptors.NoCrdInFileId, DiagnosticDescriptors.DuplicateKindId];

        Assert.Empty(RuleCatalog.All.Concat(RuleCatalog.CompileTime).Select(r => r.Id).Intersect(generatorIds));
        Assert.DoesNotContain(RuleCatalog.All, r => r.Id.StartsWith("MESH8", StringComparison.Ordinal));
    }
}
