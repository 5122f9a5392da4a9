using System.Collections.Generic;

namespace MeshOps.Rules.Intentions
{
    /// <summary>
    /// The <c>http</c> block of an L7 permission. Every criterion that is set must match (Envoy ANDs them);
    /// Consul allows at most one of PathExact, PathPrefix and PathRegex.
    /// </summary>
    public sealed record HttpPermission(
        string? PathExact,
        string? PathPrefix,
        string? PathRegex,
        IReadOnlyList<string> Methods,
        IReadOnlyList<HttpHeaderPermission> Headers);
}
