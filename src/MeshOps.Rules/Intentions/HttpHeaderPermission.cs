namespace MeshOps.Rules.Intentions
{
    /// <summary>
    /// One <c>permissions[].http.header[]</c> matcher. Consul validation allows exactly one of Present, Exact, Prefix,
    /// Suffix, Contains or Regex; Invert negates the result and IgnoreCase applies to the string comparisons.
    /// </summary>
    public sealed record HttpHeaderPermission(
        string Name,
        bool Present = false,
        string? Exact = null,
        string? Prefix = null,
        string? Suffix = null,
        string? Contains = null,
        string? Regex = null,
        bool Invert = false,
        bool IgnoreCase = false);
}
