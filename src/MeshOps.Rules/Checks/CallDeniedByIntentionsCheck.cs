using System.Globalization;
using MeshOps.Rules.Catalog;
using MeshOps.Rules.Intentions;
using MeshOps.Rules.Text;

namespace MeshOps.Rules.Checks
{
    /// <summary>
    /// A call between two mesh services and what the intentions decided for it. MatchedAt says where the deciding
    /// intention is written (null when the default decided); DefaultOrigin where the default policy comes from.
    /// Request is what the deciding L7 intention's permissions decide for the requests the caller is known to send,
    /// null when the caller's configuration shows nothing of them (a bare host:port, a connection string, a proxy).
    /// </summary>
    public sealed record IntentionCheckedCall(
        string Source,
        string Destination,
        string DestinationProtocol,
        string WrittenAt,
        string Namespace,
        IntentionDecision Decision,
        string? MatchedAt,
        string DefaultOrigin,
        KnownRequestDecision? Request = null);

    /// <summary>MESH201: a call between two mesh services that the intentions deny, with the intention that decided.</summary>
    public static class CallDeniedByIntentionsCheck
    {
        // Envoy's network RBAC filter decides on the first bytes and closes with NoFlush, a FIN (rbac_filter.cc); the
        // HTTP one answers 403. With transparent proxy Consul gives a caller no filter chain for a destination it may not
        // call (state/intention.go, intentionTopologyTxn), so the passthrough meets the destination's mTLS-only listener.
        private const string ConnectionClosed =
            "The destination's sidecar closes the connection without forwarding anything (curl: 'Empty reply from server'; other clients see it closed or reset; a server that speaks first, such as MySQL, may have sent its greeting before that).";

        private const string HttpCallRefused =
            "Through an explicit upstream the destination's sidecar answers 403 'RBAC: access denied'; with transparent proxy the caller's sidecar has no route to a destination it may not call, and the connection is closed without an answer (curl: 'Empty reply from server').";

        private const string RequestRejected =
            "The destination's Envoy answers each denied request with HTTP 403 'RBAC: access denied'.";

        /// <summary>
        /// False when <see cref="Check"/> returns null for the decision whatever the call: an allowed one. Callers ask
        /// first so that the common allowed call costs no <see cref="IntentionCheckedCall"/> and no text.
        /// </summary>
        public static bool CanDeny(IntentionDecision decision) => !decision.Allowed;

        public static RuleVerdict? Check(IntentionCheckedCall call)
        {
            var decision = call.Decision;
            // L7 permissions on a destination without an L7 protocol are MESH204's or MESH302's root cause.
            if (!CanDeny(decision) || (decision.IsL7 && !Protocols.IsL7(call.DestinationProtocol)))
            {
                return null;
            }

            if (!decision.IsL7)
            {
                return Verdict(call, "intentions deny it: " + ExplainL4(call), Protocols.IsL7(call.DestinationProtocol) ? HttpCallRefused : ConnectionClosed, "Add a source '" + call.Source + "' with action allow to", null);
            }

            // An L7 intention denies requests, not the call: report only what is denied for certain, and when nothing
            // of the requests is known, warn that only those matching an allow permission get through.
            if (call.Request is { } request)
            {
                return request.Outcome == KnownRequestOutcome.Denied
                    ? Verdict(call, "intentions deny it: " + ExplainDenied(call, request), RequestRejected, AllowPermissionFix(call, Describe(request.Request)), null)
                    : null;
            }

            var unknown = "intentions may deny its requests: the matching intention " + decision.Match + " in " + call.MatchedAt + " has L7 permissions, so the destination's Envoy decides each HTTP request: only requests matching an allow permission get through, and the configuration does not show which requests " + call.Source + " sends";
            return Verdict(call, unknown, RequestRejected, AllowPermissionFix(call, "the requests " + call.Source + " sends"), Severity.Warning);
        }

        private static RuleVerdict Verdict(IntentionCheckedCall call, string explanation, string consequence, string fix, Severity? severity)
        {
            var args = new object[] { call.Source, call.Destination, call.WrittenAt, explanation, call.Namespace, consequence, fix };
            return new RuleVerdict(RuleCatalog.CallDeniedByIntentions, args, severity);
        }

        private static string ExplainL4(IntentionCheckedCall call)
        {
            var decision = call.Decision;
            switch (decision.Reason)
            {
                case DecisionReason.MatchedL4Deny when call.MatchedAt is not null:
                    return "intention " + decision.Match + " in " + call.MatchedAt + " denies it";
                case DecisionReason.DefaultDeny:
                    return "no intention matches, and the default is deny: " + call.DefaultOrigin;
                default:
                    return decision.Explanation;
            }
        }

        private static string ExplainDenied(IntentionCheckedCall call, KnownRequestDecision request)
        {
            var denies = "the matching L7 intention " + call.Decision.Match + " in " + call.MatchedAt + " denies " + Describe(request.Request)
                + " (what the configuration shows " + call.Source + " sends)";
            return request.PermissionIndex is int index
                ? denies + ": permissions[" + index.ToString(CultureInfo.InvariantCulture) + "] matches them before any allow permission can"
                : denies + ": no allow permission matches them, and a request no permission matches gets the default, deny: " + call.DefaultOrigin;
        }

        private static string AllowPermissionFix(IntentionCheckedCall call, string requests) =>
            "Add an allow permission for " + requests + " to source '" + call.Source + "', ahead of any permission that denies them, in";

        private static string Describe(KnownRequest request)
        {
            var path = request.PathPrefix == "/" ? "any path" : request.PathPrefix + " or a path below it";
            return request.Method is null ? "requests to " + path + ", of any method" : request.Method + " requests to " + path;
        }
    }
}
