using System;

namespace MeshOps.Rules.Intentions
{
    /// <summary>
    /// Consul's IntentionMatch (agent/connect/authz.go) for one concrete source and destination, plus the source
    /// normalisation done by ServiceIntentionsConfigEntry.normalize before matching.
    /// </summary>
    public static class IntentionMatching
    {
        public static bool DestinationMatches(IntentionEntry entry, ServiceIdentity destination)
        {
            if (ConsulNames.PartitionOrDefault(entry.DestinationPartition) != ConsulNames.PartitionOrDefault(destination.Partition))
            {
                return false;
            }

            return Matches(ConsulNames.NamespaceOrDefault(entry.DestinationNamespace), ConsulNames.NamespaceOrDefault(destination.Namespace))
                && Matches(entry.DestinationName, destination.Name);
        }

        public static bool SourceMatches(IntentionEntry entry, IntentionSource intentionSource, ServiceIdentity source)
        {
            // Expanding a sameness group into its members is Enterprise-only and needs live peering state,
            // so offline such a source never matches a concrete caller.
            if (!string.IsNullOrEmpty(intentionSource.SamenessGroup))
            {
                return false;
            }

            // Peer must be equal; "" is the local cluster.
            if (ConsulNames.PeerOrLocal(intentionSource.Peer) != ConsulNames.PeerOrLocal(source.Peer))
            {
                return false;
            }

            if (string.IsNullOrEmpty(intentionSource.Peer)
                && EffectiveSourcePartition(entry, intentionSource) != ConsulNames.PartitionOrDefault(source.Partition))
            {
                return false;
            }

            return Matches(EffectiveSourceNamespace(entry, intentionSource), ConsulNames.NamespaceOrDefault(source.Namespace))
                && Matches(intentionSource.Name, source.Name);
        }

        /// <summary>
        /// normalize() lets a local source inherit the destination's namespace when it names none (MergeNoWildcard:
        /// a wildcard destination namespace is not inherited); peered and sameness-group sources only get "default".
        /// </summary>
        public static string EffectiveSourceNamespace(IntentionEntry entry, IntentionSource intentionSource)
        {
            if (!string.IsNullOrEmpty(intentionSource.Namespace))
            {
                return intentionSource.Namespace;
            }

            var inheritsFromDestination = string.IsNullOrEmpty(intentionSource.Peer)
                && string.IsNullOrEmpty(intentionSource.SamenessGroup)
                && entry.DestinationNamespace != ConsulNames.Wildcard;
            return inheritsFromDestination
                ? ConsulNames.NamespaceOrDefault(entry.DestinationNamespace)
                : ConsulNames.DefaultNamespace;
        }

        public static string EffectiveSourcePartition(IntentionEntry entry, IntentionSource intentionSource) =>
            ConsulNames.PartitionOrDefault(string.IsNullOrEmpty(intentionSource.Partition)
                ? entry.DestinationPartition
                : intentionSource.Partition);

        private static bool Matches(string pattern, string value) =>
            pattern == ConsulNames.Wildcard || string.Equals(pattern, value, StringComparison.Ordinal);
    }
}
