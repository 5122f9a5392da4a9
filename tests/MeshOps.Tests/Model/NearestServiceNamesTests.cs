using MeshOps.Model;
using MeshOps.Rules.Text;

namespace MeshOps.Tests.Model;

/// <summary>
/// The model's "did you mean" answers are shared by MESH202 and Test-MeshPath, and a model may be shared between
/// threads: asked from many at once, every answer is the one a search of its own gives.
/// </summary>
public sealed class NearestServiceNamesTests
{
    [Fact]
    public void Answers_asked_from_many_threads_at_once_are_those_of_a_search_alone()
    {
        var declared = Enumerable.Range(0, 2000).Select(i => $"svc-{i:D4}").ToHashSet(StringComparer.Ordinal);
        var asked = Enumerable.Range(0, 4000).Select(i => i % 3 == 0 ? $"svc-{i % 2000:D4}x" : i % 3 == 1 ? $"svx-{i % 2000:D4}" : $"retired-{i}").ToList();
        var alone = new NearNames(declared);
        var expected = asked.Select(alone.Nearest).ToList();
        Assert.Contains(expected, a => a is not null);
        Assert.Contains(expected, a => a is null);

        // A race shows only some of the time: a few fresh instances, each asked by eight threads.
        for (var round = 0; round < 4; round++)
        {
            var shared = new NearestServiceNames(declared);
            var answers = new string?[asked.Count];
            Parallel.For(0, asked.Count, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => answers[i] = shared.Of(asked[i]));

            Assert.Equal(expected, answers);
        }
    }
}
