using System.Collections.Generic;
using System.Globalization;

namespace MeshOps.Rules.Intentions
{
    /// <summary>
    /// The ServiceIntentions checks that only the Consul server makes (the consul-k8s webhook does not), with the
    /// server's messages (agent/structs/config_entry_intentions.go, validate).
    /// </summary>
    public static class IntentionValidation
    {
        /// <summary>
        /// Sources that repeat an earlier (name, namespace, partition, peer, sameness group). The message quotes the
        /// name as Consul CE's ServiceName.String() does, i.e. without namespace or partition.
        /// </summary>
        public static IReadOnlyList<DuplicateSource> DuplicateSources(IntentionEntry entry)
        {
            var seen = new Dictionary<(string Name, string Namespace, string Partition, string Peer, string SamenessGroup), int>();
            var duplicates = new List<DuplicateSource>();
            for (var i = 0; i < entry.Sources.Count; i++)
            {
                var source = entry.Sources[i];
                var peer = source.Peer ?? string.Empty;
                var samenessGroup = source.SamenessGroup ?? string.Empty;
                var key = (
                    source.Name,
                    IntentionMatching.EffectiveSourceNamespace(entry, source),
                    peer.Length == 0 && samenessGroup.Length == 0 ? IntentionMatching.EffectiveSourcePartition(entry, source) : string.Empty,
                    peer,
                    samenessGroup);
                if (seen.TryGetValue(key, out var first))
                {
                    duplicates.Add(new DuplicateSource(i, first, DuplicateMessage(i, source.Name, peer, samenessGroup)));
                }
                else
                {
                    seen.Add(key, i);
                }
            }

            return duplicates;
        }

        private static string DuplicateMessage(int index, string name, string peer, string samenessGroup)
        {
            var prefix = "Sources[" + index.ToString(CultureInfo.InvariantCulture) + "] defines ";
            if (peer.Length > 0)
            {
                return prefix + "peer(" + GoQuote(peer) + ") " + GoQuote(name) + " more than once";
            }

            if (samenessGroup.Length > 0)
            {
                return prefix + "sameness-group(" + GoQuote(samenessGroup) + ") " + GoQuote(name) + " more than once";
            }

            return prefix + GoQuote(name) + " more than once";
        }

        // Go's %q for the plain names that reach this point: quotes, with backslash and quote escaped.
        private static string GoQuote(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
    }
}
