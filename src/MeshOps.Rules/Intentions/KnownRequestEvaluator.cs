using System;
using System.Collections.Generic;

namespace MeshOps.Rules.Intentions
{
    /// <summary>
    /// Decides an L7 intention's permissions for requests of which only part is known, without false alarms: the
    /// outcome is Denied only when every request the caller may send is denied.
    /// </summary>
    public static class KnownRequestEvaluator
    {
        /// <summary>
        /// Permissions are tried in list order and the first match decides; a request no permission matches gets the
        /// default. That is Envoy's RBAC as consul agent/xds/rbac.go builds it: each permission is AND-NOTed with the
        /// ones before it, and each higher-precedence source is NOTed out of lower-precedence intentions, so a wider
        /// intention (a deny-all, a "*" allow) never decides a request of this source.
        /// </summary>
        public static KnownRequestDecision Evaluate(IReadOnlyList<IntentionPermission> permissions, KnownRequest request, DefaultDecision fallback)
        {
            var defaultAllowed = fallback == DefaultDecision.Allow;
            var mayBeDenied = false;
            for (var i = 0; i < permissions.Count; i++)
            {
                var match = Match(permissions[i].Http, request);
                if (match == PermissionMatch.None)
                {
                    continue;
                }

                if (permissions[i].Action == IntentionAction.Allow)
                {
                    var allowed = match == PermissionMatch.Certain && !mayBeDenied;
                    return new KnownRequestDecision(request, allowed ? KnownRequestOutcome.Allowed : KnownRequestOutcome.Depends, i, defaultAllowed);
                }

                if (match == PermissionMatch.Certain)
                {
                    return new KnownRequestDecision(request, KnownRequestOutcome.Denied, i, defaultAllowed);
                }

                mayBeDenied = true;
            }

            var outcome = !defaultAllowed ? KnownRequestOutcome.Denied
                : mayBeDenied ? KnownRequestOutcome.Depends
                : KnownRequestOutcome.Allowed;
            return new KnownRequestDecision(request, outcome, null, defaultAllowed);
        }

        /// <summary>
        /// Whether one permission's <c>http</c> block matches the requests: every criterion must hold (Envoy ANDs them),
        /// so the least certain criterion decides. Headers and a JWT-only permission's token are never known.
        /// </summary>
        public static PermissionMatch Match(HttpPermission? http, KnownRequest request)
        {
            if (http is null)
            {
                return PermissionMatch.Possible;
            }

            var path = PathMatch(http, request.PathPrefix);
            var method = http.Methods.Count == 0 ? PermissionMatch.Certain
                : request.Method is null ? PermissionMatch.Possible
                : ContainsMethod(http.Methods, request.Method) ? PermissionMatch.Certain
                : PermissionMatch.None;
            var headers = http.Headers.Count == 0 ? PermissionMatch.Certain : PermissionMatch.Possible;
            return Least(path, Least(method, headers));
        }

        // Requested paths are the prefix itself or longer ones that start with it.
        private static PermissionMatch PathMatch(HttpPermission http, string prefix)
        {
            if (http.PathExact != null)
            {
                return http.PathExact.StartsWith(prefix, StringComparison.Ordinal) ? PermissionMatch.Possible : PermissionMatch.None;
            }

            if (http.PathPrefix != null)
            {
                return prefix.StartsWith(http.PathPrefix, StringComparison.Ordinal) ? PermissionMatch.Certain
                    : http.PathPrefix.StartsWith(prefix, StringComparison.Ordinal) ? PermissionMatch.Possible
                    : PermissionMatch.None;
            }

            // Which of the paths below the prefix a regex accepts is not decided here.
            return http.PathRegex != null ? PermissionMatch.Possible : PermissionMatch.Certain;
        }

        // Consul's normalize() upper-cases intention methods; a method stated in configuration is compared upper-cased.
        private static bool ContainsMethod(IReadOnlyList<string> methods, string method)
        {
            foreach (var allowed in methods)
            {
                if (string.Equals(allowed, method, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        private static PermissionMatch Least(PermissionMatch a, PermissionMatch b) => a < b ? a : b;
    }
}
