using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace MeshOps.Rules.Intentions
{
    /// <summary>
    /// Whether a request satisfies one L7 permission, following the Envoy RBAC matchers Consul generates
    /// (agent/xds/rbac.go): url_path exact/prefix/safe_regex, a ":method" header match, and header matchers; all ANDed.
    /// </summary>
    public static class HttpPermissionMatcher
    {
        // Envoy's RE2 has no backtracking blow-ups; .NET's engine can, so user patterns run under a timeout.
        private static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(100);

        public static bool Matches(HttpPermission? http, HttpRequestAttributes request)
        {
            // A JWT-only permission has no HTTP criteria: every request reaches its JWT check, which we cannot see.
            if (http is null)
            {
                return true;
            }

            var path = StripQuery(request.Path);
            if (http.PathExact != null && !string.Equals(path, http.PathExact, StringComparison.Ordinal))
            {
                return false;
            }

            if (http.PathPrefix != null && !path.StartsWith(http.PathPrefix, StringComparison.Ordinal))
            {
                return false;
            }

            if (http.PathRegex != null && !FullMatch(path, http.PathRegex, ignoreCase: false))
            {
                return false;
            }

            if (http.Methods.Count > 0 && !ContainsMethod(http.Methods, request.Method))
            {
                return false;
            }

            foreach (var header in http.Headers)
            {
                if (!HeaderMatches(header, request.Headers))
                {
                    return false;
                }
            }

            return true;
        }

        public static bool HeaderMatches(HttpHeaderPermission header, IReadOnlyDictionary<string, string> headers)
        {
            if (!TryGetHeader(headers, header.Name, out var value))
            {
                // Envoy: an absent header fails every matcher, and inversion only rescues a "present" matcher.
                return header.Present && header.Invert;
            }

            return ValueMatches(header, value) != header.Invert;
        }

        private static bool ValueMatches(HttpHeaderPermission header, string value)
        {
            var comparison = header.IgnoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
            if (header.Exact != null)
            {
                return string.Equals(value, header.Exact, comparison);
            }

            if (header.Prefix != null)
            {
                return value.StartsWith(header.Prefix, comparison);
            }

            if (header.Suffix != null)
            {
                return value.EndsWith(header.Suffix, comparison);
            }

            if (header.Contains != null)
            {
                return value.IndexOf(header.Contains, comparison) >= 0;
            }

            if (header.Regex != null)
            {
                return FullMatch(value, header.Regex, header.IgnoreCase);
            }

            // Present, or a matcher with nothing set (Consul rejects that; Envoy would treat it as present).
            return true;
        }

        // Envoy's safe_regex must match the whole value, not a substring.
        private static bool FullMatch(string input, string pattern, bool ignoreCase)
        {
            var options = RegexOptions.CultureInvariant | (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None);
            try
            {
                return Regex.IsMatch(input, "^(?:" + pattern + ")$", options, RegexTimeout);
            }
            catch (ArgumentException)
            {
                // Envoy rejects an invalid pattern, so the permission can never match.
                return false;
            }
            catch (RegexMatchTimeoutException)
            {
                return false;
            }
        }

        private static bool ContainsMethod(IReadOnlyList<string> methods, string method)
        {
            // normalize() upper-cases intention methods; the request method is compared as sent, like Envoy does.
            foreach (var allowed in methods)
            {
                if (string.Equals(allowed.ToUpperInvariant(), method, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool TryGetHeader(IReadOnlyDictionary<string, string> headers, string name, out string value)
        {
            if (headers.TryGetValue(name, out var found))
            {
                value = found;
                return true;
            }

            // HTTP header names are case-insensitive; the caller's dictionary may not be.
            foreach (var pair in headers)
            {
                if (string.Equals(pair.Key, name, StringComparison.OrdinalIgnoreCase))
                {
                    value = pair.Value;
                    return true;
                }
            }

            value = string.Empty;
            return false;
        }

        private static string StripQuery(string path)
        {
            var query = path.IndexOf('?');
            return query < 0 ? path : path.Substring(0, query);
        }
    }
}
