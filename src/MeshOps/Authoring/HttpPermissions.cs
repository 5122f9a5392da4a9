using MeshOps.Consul;

namespace MeshOps.Authoring;

/// <summary>
/// The ordered L7 permissions of one source (<c>sources[].permissions</c>). Envoy tries them in order and the first
/// that matches a request decides; a request no permission matches gets the default (deny under <c>DenyAll()</c>).
/// </summary>
/// <example><code>
/// p => p.Deny(http => http.PathPrefix("/admin")).Allow(http => http.PathPrefix("/"))
/// </code></example>
public sealed class HttpPermissions
{
    private readonly List<ServiceIntentionsPermission> permissions = [];

    internal HttpPermissions()
    {
    }

    /// <summary>Lets requests that match <paramref name="request"/> through.</summary>
    public HttpPermissions Allow(Action<HttpMatch> request) => Add(IntentionAction.Allow, request);

    /// <summary>Refuses requests that match <paramref name="request"/> (Envoy answers 403).</summary>
    public HttpPermissions Deny(Action<HttpMatch> request) => Add(IntentionAction.Deny, request);

    /// <summary>The permissions declared so far; while one is being declared, its index.</summary>
    internal int Count => permissions.Count;

    internal static IReadOnlyList<ServiceIntentionsPermission> Single(IntentionAction action, Action<HttpMatch> request) =>
        new HttpPermissions().Add(action, request).Build();

    internal IReadOnlyList<ServiceIntentionsPermission> Build() =>
        permissions.Count == 0
            ? throw new InvalidOperationException("Permissions needs at least one Allow(...) or Deny(...): a source with neither an action nor permissions is invalid.")
            : permissions;

    private HttpPermissions Add(IntentionAction action, Action<HttpMatch> request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var match = new HttpMatch();
        request(match);
        permissions.Add(new ServiceIntentionsPermission { Action = action, Http = match.Build() });
        return this;
    }
}
