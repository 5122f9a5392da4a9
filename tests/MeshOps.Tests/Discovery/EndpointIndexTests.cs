using MeshOps.Discovery;

namespace MeshOps.Tests.Discovery;

/// <summary>EndpointIndex replaced a Dictionary keyed by target: a Dictionary with the same comparer is its oracle.</summary>
public class EndpointIndexTests
{
    [Fact]
    public void Finds_each_target_where_a_dictionary_would_over_many_repeats_and_growths()
    {
        var random = new Random(10);
        var index = new EndpointIndex();
        var oracle = new Dictionary<DiscoveredEndpoint, int>(EndpointTargetComparer.Instance);
        var endpoints = new List<DiscoveredEndpoint>();
        for (var i = 0; i < 60_000; i++)
        {
            // Few distinct values per field, so targets repeat often and differ in one field only.
            var endpoint = new DiscoveredEndpoint($"h{random.Next(40)}", random.Next(3) == 0 ? null : random.Next(50), random.Next(2) == 0 ? "http" : null, (EndpointOrigin)random.Next(3), $"x{random.Next(3)}")
            {
                Key = random.Next(4) == 0 ? null : $"k{random.Next(5)}",
                Path = $"/p{random.Next(3)}",
            };
            if (i % 1_000 == 0)
            {
                index.EnsureRoomFor(random.Next(1, 5_000));
            }

            var found = index.FindOrAdd(endpoint, endpoints, endpoints.Count);
            if (oracle.TryGetValue(endpoint, out var expected))
            {
                Assert.Equal(expected, found);
            }
            else
            {
                Assert.Equal(-1, found);
                oracle.Add(endpoint, endpoints.Count);
                endpoints.Add(endpoint);
            }
        }

        Assert.True(endpoints.Count > 10_000);
    }
}
