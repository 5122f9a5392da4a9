using System.Collections.Generic;

namespace MeshOps.Rules.Intentions
{
    /// <summary>
    /// One ServiceIntentions config entry: a destination and its ordered sources. Origin is the caller's own tag
    /// (for example the manifest location); evaluation hands it back untouched through <see cref="MatchedIntention"/>.
    /// </summary>
    public sealed record IntentionEntry(
        string DestinationName,
        string DestinationNamespace,
        IReadOnlyList<IntentionSource> Sources,
        object? Origin)
    {
        /// <summary>The admin partition of the destination; null means "default" (always so in Consul CE).</summary>
        public string? DestinationPartition { get; init; }
    }
}
