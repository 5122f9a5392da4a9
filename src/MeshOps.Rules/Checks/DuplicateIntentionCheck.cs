using System;
using System.Collections.Generic;
using MeshOps.Rules.Catalog;
using MeshOps.Rules.Intentions;

namespace MeshOps.Rules.Checks
{
    /// <summary>
    /// One ServiceIntentions as written: its resource name and namespace, a display of the resource
    /// ("ServiceIntentions/api") and where it is written, and the entry Consul would get.
    /// </summary>
    public sealed record WrittenIntentions(string Name, string Namespace, string Display, string Location, IntentionEntry Entry);

    /// <summary>
    /// MESH203: a source listed twice in one ServiceIntentions (the Consul server rejects the entry), or two
    /// ServiceIntentions for one destination (the consul-k8s webhook rejects the second).
    /// </summary>
    public static class DuplicateIntentionCheck
    {
        /// <summary>A repeated source: the index of the repeat and of its first definition.</summary>
        public sealed record DuplicateSourceHit(int SourceIndex, int FirstIndex, RuleVerdict Verdict);

        /// <summary>A repeated destination: the index (into the resources given) of the first resource for it.</summary>
        public sealed record DuplicateDestinationHit(int First, RuleVerdict Verdict);

        /// <param name="locationOfSource">Where source i of the resource is written, for the message.</param>
        public static IEnumerable<DuplicateSourceHit> DuplicateSources(WrittenIntentions resource, Func<int, string> locationOfSource)
        {
            foreach (var duplicate in IntentionValidation.DuplicateSources(resource.Entry))
            {
                var args = new object[] { resource.Name, duplicate.Message, locationOfSource(duplicate.FirstIndex), resource.Namespace, SourceRefused };
                yield return new DuplicateSourceHit(duplicate.SourceIndex, duplicate.FirstIndex, new RuleVerdict(RuleCatalog.DuplicateIntention, args));
            }
        }

        // The entry's own validation in the Consul server (config_entry_intentions.go: "Sources[%d] defines %q more
        // than once"); a failed write leaves what Consul held before.
        private const string SourceRefused =
            "The Consul server refuses the entry, so the resource does not sync (Synced False): its intentions do not apply, or, for an update, the version Consul already holds stays.";

        // The consul-k8s webhook (serviceintentions_webhook.go) refuses to create a second resource for a destination.
        private const string DestinationRefused =
            "The consul-k8s webhook refuses to create a second ServiceIntentions for one destination, so this one is never stored and its intentions never reach Consul.";

        /// <summary>For each resource in turn, the verdict when an earlier one already has its destination (else null).</summary>
        public static IEnumerable<DuplicateDestinationHit?> DuplicateDestinations(IReadOnlyList<WrittenIntentions> resources)
        {
            var first = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < resources.Count; i++)
            {
                var entry = resources[i].Entry;
                var key = ConsulNames.Qualified(entry.DestinationNamespace, entry.DestinationName);
                if (!first.TryGetValue(key, out var index))
                {
                    first.Add(key, i);
                    yield return null;
                    continue;
                }

                var earlier = resources[index];
                // One metadata.name in one namespace is one object written twice: applying the second updates the first
                // instead of creating a rival (MESH207 reports it when the destination differs).
                if (earlier.Name == resources[i].Name && earlier.Namespace == resources[i].Namespace)
                {
                    yield return null;
                    continue;
                }

                var args = new object[]
                {
                    resources[i].Name,
                    "another ServiceIntentions (" + earlier.Display + ") already has spec.destination.name: " + entry.DestinationName,
                    earlier.Location,
                    resources[i].Namespace,
                    DestinationRefused,
                };
                yield return new DuplicateDestinationHit(index, new RuleVerdict(RuleCatalog.DuplicateIntention, args));
            }
        }
    }
}
