using MeshOps.Analysis;
using MeshOps.Paths;
using MeshOps.Rules.Catalog;
using MeshOps.Sources;

namespace MeshOps.Tests.Paths;

/// <summary>
/// The findings of a path that concern one hop, each once and in report order: a finding about a shared object
/// (a ServiceAccount two services use) reaches a hop from both ends, and past a handful they are de-duplicated by a set.
/// </summary>
public sealed class ConcerningFindingsTests
{
    private static Finding At(int line) =>
        new("MESH401", Severity.Error, "t", new ResourceRef("ServiceAccount", "default", "sa"), new SourceLocation("a.yaml", line, 1), $"m{line}", "f", "c", []);

    [Theory]
    [InlineData(3)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(40)]
    public void Each_finding_of_the_hop_is_listed_once_in_first_seen_order(int distinct)
    {
        var findings = Enumerable.Range(1, distinct).Select(At).ToList();
        var hops = new List<HopFinding>();
        foreach (var finding in findings)
        {
            hops.Add(new HopFinding(PathHopName.Identity, finding));
            hops.Add(new HopFinding(PathHopName.Intention, At(1000 + finding.Line)));
        }

        // Both ends again, reversed, and an equal copy of the first: none may appear twice or move.
        hops.AddRange(findings.AsEnumerable().Reverse().Select(f => new HopFinding(PathHopName.Identity, f)));
        hops.Add(new HopFinding(PathHopName.Identity, At(1)));

        var concerning = PathTracer.Concerning(hops, PathHopName.Identity);

        Assert.Equal(findings, concerning);
    }

    [Fact]
    public void A_hop_no_finding_concerns_gets_none()
    {
        Assert.Empty(PathTracer.Concerning([new HopFinding(PathHopName.Identity, At(1))], PathHopName.Listener));
    }
}
