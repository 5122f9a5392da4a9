namespace MeshOps.Envoy.Server;

/// <summary>
/// Envoy's build string, <c>sha/version/status/build type[/ssl]</c> (source/common/version/version.cc; the SSL part
/// since 1.9). A string of another shape is kept whole with no part read from it.
/// </summary>
internal sealed record VersionParts(string? Revision, string? Version, string? Status, string? Type, string? Ssl)
{
    public static VersionParts Parse(string text)
    {
        var parts = text.Split('/');
        return parts.Length is 4 or 5
            ? new VersionParts(parts[0], parts[1], parts[2], parts[3], parts.Length == 5 ? parts[4] : null)
            : new VersionParts(null, null, null, null, null);
    }
}
