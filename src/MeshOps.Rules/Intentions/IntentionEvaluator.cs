using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace MeshOps.Rules.Intentions
{
    /// <summary>
    /// Decides calls the way Consul does, over a fixed set of ServiceIntentions entries. Build it once and ask many
    /// questions: lookups go through an index, never a scan of every intention.
    /// </summary>
    public sealed class IntentionEvaluator
    {
        private readonly IntentionIndex index;

        public IntentionEvaluator(IEnumerable<IntentionEntry> entries)
        {
            Entries = entries.ToList();
            index = new IntentionIndex(Entries);
        }

        public IReadOnlyList<IntentionEntry> Entries { get; }

        /// <summary>Every intention that applies to the call, in the order Consul tries them (first one decides).</summary>
        public IReadOnlyList<MatchedIntention> Match(ServiceIdentity source, ServiceIdentity destination)
        {
            var matches = new List<MatchedIntention>();
            foreach (var candidate in index.Candidates(source, destination))
            {
                if (IntentionMatching.DestinationMatches(candidate.Entry, destination)
                    && IntentionMatching.SourceMatches(candidate.Entry, candidate.Source, source))
                {
                    matches.Add(candidate);
                }
            }

            matches.Sort(EvaluationOrder.Instance);
            return matches;
        }

        /// <summary>
        /// What <c>consul intention check</c> answers (agent/consul/intention_endpoint.go Check): the first matching
        /// intention decides, and an L7 one counts as deny because the check cannot see request attributes.
        /// </summary>
        public IntentionDecision Check(ServiceIdentity source, ServiceIdentity destination, DefaultDecision fallback)
        {
            var match = First(source, destination);
            if (match is null)
            {
                var allowed = fallback == DefaultDecision.Allow;
                return new IntentionDecision(allowed, allowed ? DecisionReason.DefaultAllow : DecisionReason.DefaultDeny, null, 0)
                {
                    Source = source,
                    Destination = destination,
                };
            }

            if (match.IsL7)
            {
                return new IntentionDecision(false, DecisionReason.MatchedL7, match, match.Precedence);
            }

            var allow = match.Source.Action == IntentionAction.Allow;
            return new IntentionDecision(allow, allow ? DecisionReason.MatchedL4Allow : DecisionReason.MatchedL4Deny, match, match.Precedence);
        }

        /// <summary>
        /// The decision Envoy's RBAC filter makes for one HTTP request. Permissions are tried in list order and the
        /// first match decides; when none matches, the default decides, because rbac.go drops permissions equal to the
        /// default and AND-NOTs earlier ones into later ones (lower-precedence intentions do not get a second chance).
        /// Meaningful only for HTTP destinations: for a tcp destination rbac.go treats an L7 intention as deny, which is
        /// what <see cref="Check"/> reports.
        /// </summary>
        public RequestDecision EvaluateRequest(
            ServiceIdentity source,
            ServiceIdentity destination,
            HttpRequestAttributes request,
            DefaultDecision fallback)
        {
            var defaultAllowed = fallback == DefaultDecision.Allow;
            var match = First(source, destination);
            if (match is null)
            {
                return new RequestDecision(
                    defaultAllowed,
                    defaultAllowed ? RequestDecisionReason.DefaultAllow : RequestDecisionReason.DefaultDeny,
                    null,
                    null,
                    IntentionDecision.NoMatch(source, destination, defaultAllowed));
            }

            if (!match.IsL7)
            {
                var allow = match.Source.Action == IntentionAction.Allow;
                return new RequestDecision(
                    allow,
                    allow ? RequestDecisionReason.MatchedL4Allow : RequestDecisionReason.MatchedL4Deny,
                    match,
                    null,
                    "Matched L4 intention: " + match + ".");
            }

            var permissions = match.Source.Permissions;
            for (var i = 0; i < permissions.Count; i++)
            {
                if (HttpPermissionMatcher.Matches(permissions[i].Http, request))
                {
                    var allow = permissions[i].Action == IntentionAction.Allow;
                    return new RequestDecision(
                        allow,
                        allow ? RequestDecisionReason.MatchedPermissionAllow : RequestDecisionReason.MatchedPermissionDeny,
                        match,
                        i,
                        request.Method + " " + request.Path + " matched permissions[" + i.ToString(CultureInfo.InvariantCulture)
                            + "] (" + Word(allow) + ") of L7 intention " + match + ".");
                }
            }

            return new RequestDecision(
                defaultAllowed,
                RequestDecisionReason.NoPermissionMatched,
                match,
                null,
                request.Method + " " + request.Path + " matched no permission of L7 intention " + match
                    + "; the default decision is " + Word(defaultAllowed) + ".");
        }

        /// <summary>
        /// The first L4 deny from source name "*" to destination name "*" (e.g. HashiCups' deny-all), which makes deny
        /// the effective default for every call it covers. Namespaces are not inspected: in CE they are all "default".
        /// </summary>
        public MatchedIntention? FindDenyAll()
        {
            for (var entryIndex = 0; entryIndex < Entries.Count; entryIndex++)
            {
                var entry = Entries[entryIndex];
                if (entry.DestinationName != ConsulNames.Wildcard)
                {
                    continue;
                }

                for (var sourceIndex = 0; sourceIndex < entry.Sources.Count; sourceIndex++)
                {
                    var source = entry.Sources[sourceIndex];
                    if (source.Name == ConsulNames.Wildcard && !source.IsL7 && source.Action == IntentionAction.Deny
                        && string.IsNullOrEmpty(source.Peer) && string.IsNullOrEmpty(source.SamenessGroup))
                    {
                        var precedence = IntentionPrecedence.Compute(
                            ConsulNames.NamespaceOrDefault(entry.DestinationNamespace),
                            entry.DestinationName,
                            IntentionMatching.EffectiveSourceNamespace(entry, source),
                            source.Name);
                        return new MatchedIntention(entry, entryIndex, sourceIndex, precedence);
                    }
                }
            }

            return null;
        }

        private MatchedIntention? First(ServiceIdentity source, ServiceIdentity destination)
        {
            MatchedIntention? best = null;
            foreach (var candidate in index.Candidates(source, destination))
            {
                if (IntentionMatching.DestinationMatches(candidate.Entry, destination)
                    && IntentionMatching.SourceMatches(candidate.Entry, candidate.Source, source)
                    && (best is null || EvaluationOrder.Instance.Compare(candidate, best) < 0))
                {
                    best = candidate;
                }
            }

            return best;
        }

        private static string Word(bool allowed) => allowed ? "allow" : "deny";
    }
}
