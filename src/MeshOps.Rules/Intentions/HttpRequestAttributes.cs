using System.Collections.Generic;

namespace MeshOps.Rules.Intentions
{
    /// <summary>The parts of an HTTP request that L7 permissions look at. Path may carry a query string; it is ignored.</summary>
    public sealed record HttpRequestAttributes(string Method, string Path, IReadOnlyDictionary<string, string> Headers);
}
