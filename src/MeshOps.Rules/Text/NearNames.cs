using System;
using System.Collections.Generic;

namespace MeshOps.Rules.Text
{
    /// <summary>
    /// The names near a written one, for many questions over one list of candidates: "did you mean" for every call to a
    /// missing Service, every intention naming an unknown service, every path to a name that resolves to nothing. A scan
    /// of every candidate per question made a broken mesh quadratic (8 s for the calls of 4,000 services); here the
    /// candidates share a prefix tree, and the distance table of a prefix is computed once for all candidates under it
    /// and abandoned as soon as no completion can come near enough.
    /// </summary>
    /// <remarks>
    /// Distances are <see cref="NameSuggester.Distance"/>'s (optimal string alignment), and answers are the ones a scan
    /// in candidate order gives. Not safe for concurrent use: the table rows are reused between questions.
    /// </remarks>
    public sealed class NearNames
    {
        private readonly Node root = new Node('\0');
        private readonly List<string> names = new List<string>();
        private int longest;
        private int[][] rows = Array.Empty<int[]>();

        /// <param name="candidates">In order of preference: of equally near names the first is suggested.</param>
        public NearNames(IEnumerable<string> candidates)
        {
            foreach (var candidate in candidates)
            {
                var node = root;
                foreach (var c in candidate)
                {
                    node = node.Child(c);
                }

                // A name given twice keeps its first position.
                if (node.Index < 0)
                {
                    node.Index = names.Count;
                }

                names.Add(candidate);
                longest = Math.Max(longest, candidate.Length);
            }
        }

        /// <summary>What <see cref="NameSuggester.Nearest"/> answers for the same name and candidates.</summary>
        public string? Nearest(string name)
        {
            var threshold = NameSuggester.ThresholdFor(name);
            var best = -1;
            var bestDistance = int.MaxValue;
            foreach (var (index, distance) in Within(name, threshold, nearestOnly: true))
            {
                // An exact match is not a suggestion.
                if (distance > 0 && (distance < bestDistance || (distance == bestDistance && index < best)))
                {
                    best = index;
                    bestDistance = distance;
                }
            }

            return best < 0 ? null : names[best];
        }

        /// <summary>Every distinct candidate at most <paramref name="threshold"/> edits from <paramref name="name"/> (itself included), with its distance.</summary>
        public IReadOnlyList<(string Name, int Distance)> Near(string name, int threshold)
        {
            var near = new List<(string Name, int Distance)>();
            foreach (var (index, distance) in Within(name, threshold, nearestOnly: false))
            {
                near.Add((names[index], distance));
            }

            return near;
        }

        /// <summary>
        /// The position of each distinct candidate within the threshold (its first), and its distance. With
        /// <paramref name="nearestOnly"/>, a suggestion found lowers the threshold to its distance: only as near or
        /// nearer ones can still win, and in a dense set of names (svc-0001 … svc-3999) that prunes most of the tree.
        /// </summary>
        private List<(int Index, int Distance)> Within(string name, int threshold, bool nearestOnly)
        {
            var found = new List<(int Index, int Distance)>();
            var width = name.Length + 1;
            if (rows.Length < longest + 1 || (rows.Length > 0 && rows[0].Length < width))
            {
                rows = new int[longest + 1][];
                for (var i = 0; i < rows.Length; i++)
                {
                    rows[i] = new int[Math.Max(width, 16)];
                }
            }

            // Row 0 is the empty prefix: j edits to reach the first j characters of the name.
            for (var j = 0; j < width; j++)
            {
                rows[0][j] = j;
            }

            if (root.Index >= 0 && name.Length <= threshold)
            {
                found.Add((root.Index, name.Length));
            }

            if (root.Children != null)
            {
                foreach (var child in root.Children)
                {
                    Visit(child, 1, '\0', name, ref threshold, nearestOnly, found);
                }
            }

            return found;
        }

        private void Visit(Node node, int depth, char previous, string name, ref int threshold, bool nearestOnly, List<(int Index, int Distance)> found)
        {
            var row = rows[depth];
            var above = rows[depth - 1];
            var twoAbove = depth >= 2 ? rows[depth - 2] : null;
            row[0] = depth;
            var minimum = depth;
            for (var j = 1; j <= name.Length; j++)
            {
                var cost = name[j - 1] == node.Char ? 0 : 1;
                var value = Math.Min(Math.Min(above[j] + 1, row[j - 1] + 1), above[j - 1] + cost);
                // An adjacent swap counts once: this prefix ends "previous, node.Char" where the name has them reversed.
                if (twoAbove != null && j > 1 && name[j - 2] == node.Char && name[j - 1] == previous)
                {
                    value = Math.Min(value, twoAbove[j - 2] + 1);
                }

                row[j] = value;
                minimum = Math.Min(minimum, value);
            }

            if (node.Index >= 0 && row[name.Length] <= threshold)
            {
                found.Add((node.Index, row[name.Length]));
                if (nearestOnly && row[name.Length] > 0)
                {
                    threshold = row[name.Length];
                }
            }

            // No cell of a longer prefix falls below this row's minimum (a swap reaches back two rows, but the row
            // between is at most one more than what it reaches): past the threshold, nothing under this node is near enough.
            if (node.Children == null || minimum > threshold)
            {
                return;
            }

            foreach (var child in node.Children)
            {
                Visit(child, depth + 1, node.Char, name, ref threshold, nearestOnly, found);
            }
        }

        private sealed class Node
        {
            public Node(char c) => Char = c;

            public char Char { get; }

            /// <summary>The position of the first candidate that ends here; -1 when none does.</summary>
            public int Index { get; set; } = -1;

            public List<Node>? Children { get; private set; }

            public Node Child(char c)
            {
                Children ??= new List<Node>(2);
                foreach (var child in Children)
                {
                    if (child.Char == c)
                    {
                        return child;
                    }
                }

                var added = new Node(c);
                Children.Add(added);
                return added;
            }
        }
    }
}
