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
                }
            }
        }

        /// <summary>The pairs whose name patterns cover the call; partition, peer and sameness are left to the caller.</summary>
        public IEnumerable<MatchedIntention> Candidates(ServiceIdentity source, ServiceIdentity destination)
        {
            var destinationNamespace = ConsulNames.NamespaceOrDefault(destination.Namespace);
            var sourceNamespace = ConsulNames.NamespaceOrDefault(source.Namespace);
            foreach (var dn in Patterns(destinationNamespace))
            {
                foreach (var dname in Patterns(destination.Name))
                {
                    foreach (var sn in Patterns(sourceNamespace))
                    {
                        foreach (var sname in Patterns(source.Name))
                        {
                            if (byPattern.TryGetValue((dn, dname, sn, sname), out var bucket))
                            {
                                foreach (var candidate in bucket)
                                {
                                    yield return candidate;
                                }
                            }
                        }
                    }
                }
            }
        }

        private static IEnumerable<string> Patterns(string value)
        {
            yield return value;
            if (value != ConsulNames.Wildcard)
            {
                yield return ConsulNames.Wildcard;
            }
        }
    }
}
