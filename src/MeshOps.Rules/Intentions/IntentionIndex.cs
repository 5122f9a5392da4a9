using System.Collections.Generic;

namespace MeshOps.Rules.Intentions
{
    /// <summary>
    /// Every (entry, source) pair keyed by its four name patterns (destination ns/name, source ns/name, each exact or
    /// "*"). A lookup probes at most 16 keys, so a check costs the same with ten intentions or ten thousand.
    /// </summary>
    internal sealed class IntentionIndex
    {
        private readonly Dictionary<(string DestinationNamespace, string DestinationName, string SourceNamespace, string SourceName), List<MatchedIntention>> byPattern =
            new Dictionary<(string, string, string, string), List<MatchedIntention>>();

        // Which of the sixteen exact/wildcard combinations occur, one bit each (see ShapeOf).
        private readonly int shapes;

        public IntentionIndex(IReadOnlyList<IntentionEntry> entries)
        {
            for (var entryIndex = 0; entryIndex < entries.Count; entryIndex++)
            {
                var entry = entries[entryIndex];
                var destinationNamespace = ConsulNames.NamespaceOrDefault(entry.DestinationNamespace);
                for (var sourceIndex = 0; sourceIndex < entry.Sources.Count; sourceIndex++)
                {
                    var source = entry.Sources[sourceIndex];
                    var sourceNamespace = IntentionMatching.EffectiveSourceNamespace(entry, source);
                    var precedence = IntentionPrecedence.Compute(destinationNamespace, entry.DestinationName, sourceNamespace, source.Name);
                    var key = (destinationNamespace, entry.DestinationName, sourceNamespace, source.Name);
                    if (!byPattern.TryGetValue(key, out var bucket))
                    {
                        bucket = new List<MatchedIntention>();
                        byPattern.Add(key, bucket);
                    }

                    bucket.Add(new MatchedIntention(entry, entryIndex, sourceIndex, precedence));
                    shapes |= ShapeOf(destinationNamespace, entry.DestinationName, sourceNamespace, source.Name);
                }
            }
        }

        /// <summary>The pairs whose name patterns cover the call; partition, peer and sameness are left to the caller.</summary>
        public IEnumerable<MatchedIntention> Candidates(ServiceIdentity source, ServiceIdentity destination)
        {
            var destinationNamespace = ConsulNames.NamespaceOrDefault(destination.Namespace);
            var sourceNamespace = ConsulNames.NamespaceOrDefault(source.Namespace);
            var candidates = new List<MatchedIntention>();
            // Only the wildcard shapes some intention actually has are probed: a typical mesh has exact pairs and
            // one deny-all, so a check costs two lookups instead of sixteen.
            for (var shape = 0; shape < 16; shape++)
            {
                if ((shapes & (1 << shape)) == 0)
                {
                    continue;
                }

                var key = (Pick(destinationNamespace, shape, 8), Pick(destination.Name, shape, 4), Pick(sourceNamespace, shape, 2), Pick(source.Name, shape, 1));
                if (byPattern.TryGetValue(key, out var bucket))
                {
                    candidates.AddRange(bucket);
                }
            }

            return candidates;
        }

        /// <summary>Bit set for each wildcard among (destination namespace, destination name, source namespace, source name).</summary>
        private static int ShapeOf(string destinationNamespace, string destinationName, string sourceNamespace, string sourceName) =>
            1 << ((Wild(destinationNamespace) ? 8 : 0) | (Wild(destinationName) ? 4 : 0) | (Wild(sourceNamespace) ? 2 : 0) | (Wild(sourceName) ? 1 : 0));

        private static bool Wild(string value) => value == ConsulNames.Wildcard;

        private static string Pick(string value, int shape, int bit) => (shape & bit) != 0 ? ConsulNames.Wildcard : value;
    }
}
