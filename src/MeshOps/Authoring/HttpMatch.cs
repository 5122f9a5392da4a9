using MeshOps.Consul;
using MeshOps.Rules.Intentions;

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

    // Consul's checks and words, shared with the analyzer that reports the same mistake at compile time.
    private readonly HttpRequestMatchCheck check = new();
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
        Refuse(check.Path(nameof(PathRegex), regex));
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
            if (check.Method(method.Method) is { } refused)
            {
                throw new ArgumentException(refused, nameof(methods));
            }

            list.Add(ConsulMethods[method.Method]);
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
        (value.Header ??= new List<ServiceIntentionsHeaderPermission>()).Add(header.Build(check));
        return this;
    }

    internal ServiceIntentionsHttpPermission Build()
    {
        Refuse(check.Complete());
        return value;
    }

    private string Path(string path, string kind, string parameter)
    {
        ArgumentNullException.ThrowIfNull(path, parameter);
        if (check.Path(kind, path) is { } refused)
        {
            // A path without '/' is a bad argument; a second path is a call that should not have been made.
            throw path.StartsWith('/') ? new InvalidOperationException(refused) : new ArgumentException(refused, parameter);
        }

        return path;
    }

    private static void Refuse(string? refused)
    {
        if (refused is not null)
        {
            throw new InvalidOperationException(refused);
        }
    }
}
