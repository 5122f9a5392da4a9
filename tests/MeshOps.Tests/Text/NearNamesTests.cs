using MeshOps.Rules.Text;

namespace MeshOps.Tests.Text;

/// <summary>
/// NearNames answers many "did you mean" questions over one list of candidates; each answer must be the one a scan of
/// the candidates in order (NameSuggester) gives, whatever the names: swaps, repeats, prefixes of each other, empty.
/// </summary>
public class NearNamesTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Every_answer_is_the_one_a_scan_in_candidate_order_gives(int seed)
    {
        var random = new Random(seed);
        var candidates = Enumerable.Range(0, 300).Select(_ => RandomName(random)).ToList();
        // Repeats and near-copies of candidates, so that ties, swaps and exact matches are asked about.
        candidates.AddRange(candidates.Take(20));
        var questions = candidates.Take(200).Select(c => Mutate(c, random)).Concat(Enumerable.Range(0, 200).Select(_ => RandomName(random))).ToList();
        var near = new NearNames(candidates);

        foreach (var question in questions)
        {
            Assert.Equal(NameSuggester.Nearest(question, candidates), near.Nearest(question));
        }
    }

    [Theory]
    [InlineData(5)]
    [InlineData(6)]
    public void Every_candidate_within_a_threshold_is_found_with_its_distance(int seed)
    {
        var random = new Random(seed);
        var candidates = Enumerable.Range(0, 200).Select(_ => RandomName(random)).Distinct(StringComparer.Ordinal).ToList();
        var near = new NearNames(candidates);

        foreach (var question in candidates.Take(100).Select(c => Mutate(c, random)))
        {
            var threshold = random.Next(0, 5);
            var expected = candidates.Select(c => (c, NameSuggester.Distance(question, c))).Where(p => p.Item2 <= threshold).Order().ToList();
            Assert.Equal(expected, near.Near(question, threshold).Order().ToList());
        }
    }

    [Fact]
    public void An_adjacent_swap_counts_as_one_edit_at_every_position()
    {
        var near = new NearNames(["products-api", "payments", "public-api"]);

        Assert.Equal("products-api", near.Nearest("rpoducts-api"));
        Assert.Equal("products-api", near.Nearest("products-aip"));
        Assert.Equal("payments", near.Nearest("paymetns"));
        Assert.Null(near.Nearest("products-api"));
        Assert.Null(near.Nearest("frontend"));
    }

    [Fact]
    public void Ties_go_to_the_first_candidate_and_short_names_attract_only_one_edit()
    {
        var near = new NearNames(["db-b", "db-a", "web", "api"]);

        Assert.Equal("db-b", near.Nearest("db-c"));
        Assert.Equal("api", near.Nearest("apj"));
        Assert.Null(near.Nearest("axj"));
        Assert.Equal([("", 2), ("ab", 0)], new NearNames(["", "ab", "abcdef"]).Near("ab", 2).Order().ToList());
    }

    private static string RandomName(Random random)
    {
        // A small alphabet makes near names common, as in a mesh of svc-0001, svc-0002, ...
        const string Alphabet = "abcde-01";
        return new string(Enumerable.Range(0, random.Next(0, 12)).Select(_ => Alphabet[random.Next(Alphabet.Length)]).ToArray());
    }

    private static string Mutate(string name, Random random)
    {
        var chars = name.ToList();
        for (var edits = random.Next(0, 4); edits > 0; edits--)
        {
            var at = chars.Count == 0 ? 0 : random.Next(chars.Count);
            switch (random.Next(4))
            {
                case 0 when chars.Count > 0:
                    chars.RemoveAt(at);
                    break;
                case 1:
                    chars.Insert(at, "abcde-01"[random.Next(8)]);
                    break;
                case 2 when chars.Count > 0:
                    chars[at] = "abcde-01"[random.Next(8)];
                    break;
                case 3 when at + 1 < chars.Count:
                    (chars[at], chars[at + 1]) = (chars[at + 1], chars[at]);
                    break;
            }
        }

        return new string([.. chars]);
    }
}
