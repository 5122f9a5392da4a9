namespace MeshOps.Discovery;

/// <summary>
/// Equality of two endpoints apart from their request path: the collector keeps one endpoint per target and merges the
/// paths. The hash leaves out the excerpt's text (only its length counts): every host of a MongoDB URL with 100,000
/// hosts shares that URL as its excerpt, and .NET does not cache string hashes, so hashing it would be quadratic.
/// </summary>
internal sealed class EndpointTargetComparer : IEqualityComparer<DiscoveredEndpoint>
{
    public static EndpointTargetComparer Instance { get; } = new();

    public bool Equals(DiscoveredEndpoint? x, DiscoveredEndpoint? y) =>
        ReferenceEquals(x, y)
        || (x is not null && y is not null
            && x.Port == y.Port && x.Origin == y.Origin
            && string.Equals(x.Host, y.Host, StringComparison.Ordinal)
            && string.Equals(x.Scheme, y.Scheme, StringComparison.Ordinal)
            && string.Equals(x.Key, y.Key, StringComparison.Ordinal)
            && string.Equals(x.Method, y.Method, StringComparison.Ordinal)
            && string.Equals(x.Excerpt, y.Excerpt, StringComparison.Ordinal));

    public int GetHashCode(DiscoveredEndpoint obj) =>
        HashCode.Combine(
            StringComparer.Ordinal.GetHashCode(obj.Host), obj.Port, obj.Scheme is null ? 0 : StringComparer.Ordinal.GetHashCode(obj.Scheme),
            obj.Origin, obj.Key is null ? 0 : StringComparer.Ordinal.GetHashCode(obj.Key), obj.Method, obj.Excerpt.Length);
}
