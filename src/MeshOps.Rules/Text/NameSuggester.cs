using System;
using System.Collections.Generic;

namespace MeshOps.Rules.Text
{
    /// <summary>"Did you mean …?" for service names: the closest candidate by optimal string alignment distance.</summary>
    public static class NameSuggester
    {
        /// <summary>
        /// The candidate nearest to <paramref name="name"/>, or null when none is close enough. Close enough means at
        /// most 2 edits, and no more than a third of the name's length, so short names do not attract unrelated ones.
        /// Ties keep the first candidate; an exact match is not a suggestion.
        /// </summary>
        /// <remarks>A scan of every candidate: for many names over one list of candidates, <see cref="NearNames"/> answers alike.</remarks>
        public static string? Nearest(string name, IEnumerable<string> candidates)
        {
            var threshold = ThresholdFor(name);
            string? best = null;
            var bestDistance = int.MaxValue;
            foreach (var candidate in candidates)
            {
                if (string.Equals(candidate, name, StringComparison.Ordinal) || Math.Abs(candidate.Length - name.Length) > threshold)
                {
                    continue;
                }

                var distance = Distance(name, candidate);
                if (distance <= threshold && distance < bestDistance)
                {
                    best = candidate;
                    bestDistance = distance;
                }
            }

            return best;
        }

        /// <summary>How many edits still make a suggestion for <paramref name="name"/>: at most 2, and no more than a third of its length.</summary>
        public static int ThresholdFor(string name) => Math.Min(2, Math.Max(1, name.Length / 3));

        /// <summary>Damerau-Levenshtein distance in its optimal string alignment form (adjacent swaps count once).</summary>
        public static int Distance(string a, string b)
        {
            var d = new int[a.Length + 1, b.Length + 1];
            for (var i = 0; i <= a.Length; i++)
            {
                d[i, 0] = i;
            }

            for (var j = 0; j <= b.Length; j++)
            {
                d[0, j] = j;
            }

            for (var i = 1; i <= a.Length; i++)
            {
                for (var j = 1; j <= b.Length; j++)
                {
                    var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                    var value = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                    if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    {
                        value = Math.Min(value, d[i - 2, j - 2] + 1);
                    }

                    d[i, j] = value;
                }
            }

            return d[a.Length, b.Length];
        }
    }
}
