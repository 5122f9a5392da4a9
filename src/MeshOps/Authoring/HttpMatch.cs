using MeshOps.Consul;

namespace MeshOps.Authoring;

/// <summary>
/// The HTTP requests one L7 permission applies to (<c>sources[].permissions[].http</c>). Every criterion set must
/// match. Consul's own validation runs as you declare, so what the mesh writes is accepted by the CRD webhook and the
/// Consul server.
/// </summary>
/// <example><code>
/// http => http.PathPrefix("/api").Methods(HttpMethod.Get, HttpMethod.Head).Header("x-tenant", h => h.Present())
/// </code></example>
public sealed class HttpMatch
{
    // The methods the consul-k8s webhook accepts (upper-case, exact); Consul's server upper-cases before checking.
    private static readonly Dictionary<string, ServiceIntentionsHttpMethod> ConsulMethods = new(StringComparer.OrdinalIgnoreCase)
    {
        ["GET"] = ServiceIntentionsHttpMethod.Get,
        ["HEAD"] = ServiceIntentionsHttpMethod.Head,
        ["POST"] = ServiceIntentionsHttpMethod.Post,
        ["PUT"] = ServiceIntentionsHttpMethod.Put,
        ["PATCH"] = ServiceIntentionsHttpMethod.Patch,
        ["DELETE"] = ServiceIntentionsHttpMethod.Delete,
        ["CONNECT"] = ServiceIntentionsHttpMethod.Connect,
        ["OPTIONS"] = ServiceIntentionsHttpMethod.Options,
        ["TRACE"] = ServiceIntentionsHttpMethod.Trace,
    };

    private readonly ServiceIntentionsHttpPermission value = new();

    internal HttpMatch()
    {
    }

    /// <summary>Matches exactly this path (<c>pathExact</c>); it must start with '/'.</summary>
    public HttpMatch PathExact(string path)
    {
        value.PathExact = Path(path, nameof(PathExact), nameof(path));
        return this;
    }

    /// <summary>Matches every path that starts with <paramref name="prefix"/> (<c>pathPrefix</c>); it must start with '/'.</summary>
    public HttpMatch PathPrefix(string prefix)
    {
        value.PathPrefix = Path(prefix, nameof(PathPrefix), nameof(prefix));
        return this;
    }

    /// <summary>Matches paths against an RE2 regular expression (<c>pathRegex</c>).</summary>
    public HttpMatch PathRegex(string regex)
    {
        ArgumentException.ThrowIfNullOrEmpty(regex);
        OnlyOnePath(nameof(PathRegex));
        value.PathRegex = regex;
        return this;
    }

    /// <summary>Matches only these methods (<c>methods</c>): GET, HEAD, POST, PUT, PATCH, DELETE, CONNECT, OPTIONS or TRACE.</summary>
    public HttpMatch Methods(params HttpMethod[] methods)
    {
        ArgumentNullException.ThrowIfNull(methods);
        var list = value.Methods ??= new List<ServiceIntentionsHttpMethod>();
        foreach (var method in methods)
        {
            ArgumentNullException.ThrowIfNull(method, nameof(methods));
            if (!ConsulMethods.TryGetValue(method.Method, out var consul))
            {
                throw new ArgumentException($"HTTP.Methods contains an invalid method \"{method.Method}\"; Consul accepts {string.Join(", ", ConsulMethods.Keys)}.", nameof(methods));
            }

            if (list.Contains(consul))
            {
                throw new ArgumentException($"HTTP.Methods contains \"{method.Method.ToUpperInvariant()}\" more than once.", nameof(methods));
            }

            list.Add(consul);
        }

        return this;
    }

    /// <summary>Matches a request header (<c>header[]</c>); <paramref name="match"/> says how, e.g. <c>h => h.Exact("v1")</c>.</summary>
    public HttpMatch Header(string name, Action<HeaderMatch> match)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(match);
        var header = new HeaderMatch(name);
        match(header);
        (value.Header ??= new List<ServiceIntentionsHeaderPermission>()).Add(header.Build());
        return this;
    }

    internal ServiceIntentionsHttpPermission Build() =>
        value is { PathExact: null, PathPrefix: null, PathRegex: null, Methods: null or { Count: 0 }, Header: null or { Count: 0 } }
            ? throw new InvalidOperationException("HTTP should not be empty: a permission needs a path, a method or a header to match.")
            : value;

    private string Path(string path, string kind, string parameter)
    {
        ArgumentNullException.ThrowIfNull(path, parameter);
        if (!path.StartsWith('/'))
        {
            throw new ArgumentException($"HTTP.{kind} doesn't start with '/': \"{path}\".", parameter);
        }

        OnlyOnePath(kind);
        return path;
    }

    private void OnlyOnePath(string kind)
    {
        if (value.PathExact is not null || value.PathPrefix is not null || value.PathRegex is not null)
        {
            throw new InvalidOperationException($"HTTP should only contain at most one of PathExact, PathPrefix, or PathRegex ({kind} follows another path).");
        }
    }
}
