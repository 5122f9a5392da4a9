namespace MeshOps.Rules.Intentions
{
    /// <summary>
    /// One (entry, source) pair that applies to a call. EntryIndex is the entry's position in the collection given to
    /// the evaluator and SourceIndex its position in <c>sources[]</c>, so a caller can point at the exact YAML item;
    /// Entry.Origin carries the caller's own tag.
    /// </summary>
    public sealed record MatchedIntention(IntentionEntry Entry, int EntryIndex, int SourceIndex, int Precedence)
    {
        public IntentionSource Source => Entry.Sources[SourceIndex];

        public bool IsL7 => Source.IsL7;

        public object? Origin => Entry.Origin;

        /// <summary>The source namespace after Consul's normalisation (inherited from the destination when empty).</summary>
        public string SourceNamespace => IntentionMatching.EffectiveSourceNamespace(Entry, Source);

        public string DestinationNamespace => ConsulNames.NamespaceOrDefault(Entry.DestinationNamespace);

        public override string ToString()
        {
            var what = IsL7 ? "L7" : Source.Action == IntentionAction.Deny ? "deny" : "allow";
            return ConsulNames.Qualified(SourceNamespace, Source.Name) + " => "
                + ConsulNames.Qualified(DestinationNamespace, Entry.DestinationName)
                + " (" + what + ", precedence " + Precedence.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")";
        }
    }
}
