using System;
using System.Collections.Generic;

namespace MeshOps.Rules.Intentions
{
    /// <summary>
    /// Consul's validation of one L7 permission's <c>http</c> (agent/structs/config_entry_intentions.go, validate; the
    /// consul-k8s webhook for ignoreCase), fed the request criteria in the order they are declared. The SDK's HttpMatch
    /// throws what it returns, and the analyzer reports it on the call that declares the criterion, so a typed mesh, the
    /// builders and New-MeshIntention word a refused match alike. Messages start at "HTTP"; Consul prefixes
    /// <c>Sources[i].Permissions[j].</c>.
    /// </summary>
    public sealed class HttpRequestMatchCheck
    {
        /// <summary>The methods Consul accepts, upper-case as the consul-k8s webhook requires.</summary>
        public static readonly IReadOnlyList<string> ConsulMethods = new[] { "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "CONNECT", "OPTIONS", "TRACE" };

        private readonly List<string> methods = new List<string>();
        private bool hasPath;
        private int unknownMethods;
        private int headers;

        /// <summary>Whether <paramref name="method"/> is one Consul accepts (any case: the server upper-cases first).</summary>
        public static bool IsConsulMethod(string method)
        {
            foreach (var known in ConsulMethods)
            {
                if (string.Equals(known, method, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// PathExact, PathPrefix or PathRegex (<paramref name="kind"/>) set to <paramref name="path"/>; null when the
        /// value is not known (the analyzer cannot read it), which still counts as a path.
        /// </summary>
        /// <returns>Consul's message when it refuses the path, else null.</returns>
        public string? Path(string kind, string? path)
        {
            if (kind != "PathRegex" && path != null && !path.StartsWith("/", StringComparison.Ordinal))
            {
                return "HTTP." + kind + " doesn't start with '/': \"" + path + "\".";
            }

            if (hasPath)
            {
                return "HTTP should only contain at most one of PathExact, PathPrefix, or PathRegex (" + kind + " follows another path).";
            }

            hasPath = true;
            return null;
        }

        /// <summary>One method of Methods(...), as HttpMethod.Method spells it; null when not known.</summary>
        /// <returns>Consul's message when it refuses the method, else null.</returns>
        public string? Method(string? method)
        {
            if (method == null)
            {
                unknownMethods++;
                return null;
            }

            if (!IsConsulMethod(method))
            {
                return "HTTP.Methods contains an invalid method \"" + method + "\"; Consul accepts " + string.Join(", ", ConsulMethods) + ".";
            }

            var upper = method.ToUpperInvariant();
            if (methods.Contains(upper))
            {
                return "HTTP.Methods contains \"" + upper + "\" more than once.";
            }

            methods.Add(upper);
            return null;
        }

        /// <summary>
        /// A Header(name, ...) match once declared: <paramref name="fieldsSet"/> of Present, Exact, Prefix, Suffix,
        /// Contains and Regex are set; <paramref name="ignoreCase"/> with <paramref name="textMatch"/> (Exact, Prefix,
        /// Suffix or Contains among them). A null <paramref name="name"/> is a header whose match is not known.
        /// </summary>
        /// <returns>Consul's message when it refuses the header, else null.</returns>
        public string? Header(string? name, int fieldsSet, bool ignoreCase, bool textMatch)
        {
            if (name == null)
            {
                headers++;
                return null;
            }

            if (fieldsSet != 1)
            {
                return "HTTP.Header \"" + name + "\" should only contain one of Present, Exact, Prefix, Suffix, Contains, or Regex (it has " + fieldsSet.ToString(System.Globalization.CultureInfo.InvariantCulture) + ").";
            }

            if (ignoreCase && !textMatch)
            {
                return "HTTP.Header \"" + name + "\" should set one of exact, prefix, suffix, or contains when using ignoreCase.";
            }

            headers++;
            return null;
        }

        /// <summary>The match once every criterion is declared.</summary>
        /// <returns>Consul's message when nothing is matched, else null.</returns>
        public string? Complete() =>
            hasPath || methods.Count > 0 || unknownMethods > 0 || headers > 0
                ? null
                : "HTTP should not be empty: a permission needs a path, a method or a header to match.";

        /// <summary>Where Consul says a permission is: <c>Sources[0].Permissions[1].</c>.</summary>
        public static string At(int source, int permission) =>
            "Sources[" + source.ToString(System.Globalization.CultureInfo.InvariantCulture) + "].Permissions[" + permission.ToString(System.Globalization.CultureInfo.InvariantCulture) + "].";
    }
}
