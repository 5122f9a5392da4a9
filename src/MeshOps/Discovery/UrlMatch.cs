namespace MeshOps.Discovery;

/// <summary>
/// One URL found in a text: where it starts, its text, its scheme (lower case) and hosts, and where in its text the
/// part after the authority starts (path, query, fragment).
/// </summary>
/// <remarks>
/// The first host is held as it is and a list only for a URL with several (<c>mongodb://a:1,b:2</c>): almost every URL
/// names one host, and a one-item list for each of 200,000 URLs in one value was a tenth of what discovery allocated
/// (issue 10). <see cref="AllHosts"/> holds every host, the first included, when there are several.
/// </remarks>
internal readonly record struct UrlMatch(int Index, string Value, string Scheme, HostPort FirstHost, List<HostPort>? AllHosts, int RestStart)
{
    public ReadOnlySpan<char> Rest => Value.AsSpan(RestStart);

    public int HostCount => AllHosts?.Count ?? 1;

    public HostPort HostAt(int index) => AllHosts?[index] ?? (index == 0 ? FirstHost : throw new ArgumentOutOfRangeException(nameof(index)));

    /// <summary>Every host, in order; a list is made when asked for.</summary>
    public IReadOnlyList<HostPort> Hosts => AllHosts ?? [FirstHost];
}
