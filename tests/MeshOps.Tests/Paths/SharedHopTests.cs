using MeshOps.Paths;

namespace MeshOps.Tests.Paths;

/// <summary>
/// Test-MeshPath -All keeps every report until it writes them: a hop that reads one end only is judged once per end and
/// the reports hold the same instance, so what -All keeps grows with the services rather than with edges times hops.
/// That the shared hops are the ones each path would get alone is <see cref="TraceEachTests"/>' concern.
/// </summary>
public class SharedHopTests
{
    private static readonly PathHopName[] DestinationHops =
        [PathHopName.ServicePort, PathHopName.DestinationWorkload, PathHopName.Listener, PathHopName.Protocol, PathHopName.Catalog];

    [Fact]
    public void Paths_into_one_destination_hold_one_instance_of_each_hop_that_reads_only_the_destination()
    {
        var paths = HashiCupsPaths.Load();

        var reports = PathTracer.TraceEach(paths.Model, paths.Report, [new PathRequest("public-api", "products-api"), new PathRequest("frontend", "products-api")]).ToList();

        Assert.All(DestinationHops, hop => Assert.Same(reports[0][hop], reports[1][hop]));
        Assert.NotSame(reports[0][PathHopName.SourceWorkload], reports[1][PathHopName.SourceWorkload]);
        Assert.NotSame(reports[0][PathHopName.Name], reports[1][PathHopName.Name]);
    }

    [Fact]
    public void Paths_from_one_source_hold_one_instance_of_its_SourceWorkload_hop()
    {
        var paths = HashiCupsPaths.Load();

        var reports = PathTracer.TraceEach(paths.Model, paths.Report, [new PathRequest("public-api", "products-api"), new PathRequest("public-api", "payments")]).ToList();

        Assert.Same(reports[0][PathHopName.SourceWorkload], reports[1][PathHopName.SourceWorkload]);
        Assert.All(DestinationHops, hop => Assert.NotSame(reports[0][hop], reports[1][hop]));
    }
}
