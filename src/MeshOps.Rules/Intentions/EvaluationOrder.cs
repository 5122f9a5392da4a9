using System;
using System.Collections.Generic;

namespace MeshOps.Rules.Intentions
{
    /// <summary>
    /// The order in which Consul tries matching intentions: precedence descending (IntentionPrecedenceSorter), then
    /// deny before allow at equal weight ("Consul enforces deny over allow if match criteria are weighted equally"),
    /// then (SourceNS, SourceName, DestinationNS, DestinationName), then input order so results are deterministic.
    /// </summary>
    internal sealed class EvaluationOrder : IComparer<MatchedIntention>
    {
        public static readonly EvaluationOrder Instance = new EvaluationOrder();

        public int Compare(MatchedIntention? x, MatchedIntention? y)
        {
            if (ReferenceEquals(x, y))
            {
                return 0;
            }

            if (x is null)
            {
                return 1;
            }

            if (y is null)
            {
                return -1;
            }

            var result = y.Precedence.CompareTo(x.Precedence);
            if (result == 0)
            {
                result = ActionRank(x).CompareTo(ActionRank(y));
            }

            if (result == 0)
            {
                result = string.CompareOrdinal(x.SourceNamespace, y.SourceNamespace);
            }

            if (result == 0)
            {
                result = string.CompareOrdinal(x.Source.Name, y.Source.Name);
            }

            if (result == 0)
            {
                result = string.CompareOrdinal(x.DestinationNamespace, y.DestinationNamespace);
            }

            if (result == 0)
            {
                result = string.CompareOrdinal(x.Entry.DestinationName, y.Entry.DestinationName);
            }

            if (result == 0)
            {
                result = x.EntryIndex.CompareTo(y.EntryIndex);
            }

            return result == 0 ? x.SourceIndex.CompareTo(y.SourceIndex) : result;
        }

        // An L7 intention sits between deny and allow: `intention check` reports it as deny, yet it may allow.
        private static int ActionRank(MatchedIntention intention)
        {
            if (intention.IsL7)
            {
                return 1;
            }

            return intention.Source.Action == IntentionAction.Deny ? 0 : 2;
        }
    }
}
