using System.Globalization;

namespace MeshOps.Clients;

/// <summary>
/// An endpoint as errors name it: scheme://host:port/path. Userinfo, the query and the fragment are dropped, because a
/// URL is where a careless caller puts a token (?token=, user:password@); the path is what tells the user which call failed.
/// </summary>
public static class EndpointAddress
{
    public static string Describe(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (!uri.IsAbsoluteUri)
        {
            return uri.OriginalString.Split('?', '#')[0];
        }

        return string.Create(CultureInfo.InvariantCulture, $"{uri.Scheme}://{uri.IdnHost}:{uri.Port}{uri.AbsolutePath}");
    }

    /// <summary>The same address as a Uri, for <see cref="EndpointException.Endpoint"/>.</summary>
    public static Uri Strip(Uri uri) => new(Describe(uri), uri.IsAbsoluteUri ? UriKind.Absolute : UriKind.Relative);
}
