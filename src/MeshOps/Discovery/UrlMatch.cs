namespace MeshOps.Discovery;

/// <summary>
/// One URL found in a text: where it starts, its text, its scheme (lower case) and hosts, and where in its text the
/// part after the authority starts (path, query, fragment).
/// </summary>
internal readonly record struct UrlMatch(int Index, string Value, string Scheme, IReadOnlyList<HostPort> Hosts, int RestStart)
{
    public ReadOnlySpan<char> Rest => Value.AsSpan(RestStart);
}
