using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MeshOps.Clients.Consul;

/// <summary>
/// A small typed client for the Consul HTTP API endpoints MeshOps reads. Configured like the consul CLI
/// (<see cref="ConsulSettings"/>); every call goes through <see cref="ResilientHttp"/>, so failures arrive as an
/// <see cref="EndpointException"/> that names the endpoint and what to do. The token travels only in X-Consul-Token.
/// The client owns its transport, including a <see cref="ConsulClientOptions.Handler"/> given to it, and disposes it.
/// </summary>
public sealed class ConsulClient : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly HttpClient _http;

    public ConsulClient(ConsulClientOptions? options = null, Func<string, string?>? environment = null)
    {
        options ??= new ConsulClientOptions();
        Settings = ConsulSettings.Resolve(options, environment);
        var timeouts = options.Timeouts ?? ClientTimeouts.Default;
        var transport = options.Handler ?? ConsulTransport.Create(Settings, timeouts);
        _http = ResilientHttp.CreateClient(transport, new ResilientHttpOptions
        {
            ServiceName = "Consul",
            Timeouts = timeouts,
            OnRetry = options.OnRetry,
            ConnectionAdvice = options.ConnectionAdvice
                ?? $"Set {ConsulSettings.AddressVariable} to the Consul server's address (now {Settings.BaseAddress}, {Settings.AddressOrigin}), or check that the port-forward to the Consul server is running.",
            TlsAdvice = $"Set {ConsulSettings.CaCertVariable} to the PEM file of the CA that signed the Consul server's certificate ({ConsulSettings.SslVerifyVariable}=false skips the check; not recommended).",
        });
    }

    public ConsulSettings Settings { get; }

    /// <summary>GET /v1/status/leader: the Raft leader's "ip:port", or "" while the cluster has none.</summary>
    public Task<string> GetLeaderAsync(CancellationToken cancellationToken = default) =>
        GetAsync<string>("v1/status/leader", [], "no ACL", cancellationToken);

    /// <summary>GET /v1/agent/self.</summary>
    public Task<ConsulAgentSelf> GetAgentSelfAsync(CancellationToken cancellationToken = default) =>
        GetAsync<ConsulAgentSelf>("v1/agent/self", [], "agent:read", cancellationToken);

    /// <summary>GET /v1/catalog/services: each service name with its tags.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> GetServicesAsync(CancellationToken cancellationToken = default)
    {
        var services = await GetAsync<Dictionary<string, string[]?>>("v1/catalog/services", [], "service:read", cancellationToken).ConfigureAwait(false);
        return services.ToDictionary(s => s.Key, s => (IReadOnlyList<string>)(s.Value ?? []), StringComparer.Ordinal);
    }

    /// <summary>GET /v1/catalog/service/:service: every registered instance (none for an unknown service).</summary>
    public async Task<IReadOnlyList<ConsulCatalogService>> GetServiceAsync(string service, CancellationToken cancellationToken = default) =>
        await GetAsync<ConsulCatalogService[]>("v1/catalog/service/" + Segment(service), [], "service:read and node:read", cancellationToken).ConfigureAwait(false);

    /// <summary>GET /v1/health/service/:service: each instance with its node and checks.</summary>
    public async Task<IReadOnlyList<ConsulServiceHealth>> GetServiceHealthAsync(string service, bool passingOnly = false, CancellationToken cancellationToken = default) =>
        await GetAsync<ConsulServiceHealth[]>("v1/health/service/" + Segment(service), Passing(passingOnly), "service:read and node:read", cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// GET /v1/health/connect/:service: the mesh-capable instances (sidecar proxies) that front the service, in
    /// <paramref name="consulNamespace"/> when given (Enterprise; CE refuses the parameter), else the settings' namespace.
    /// </summary>
    public async Task<IReadOnlyList<ConsulServiceHealth>> GetConnectHealthAsync(string service, bool passingOnly = false, string? consulNamespace = null, CancellationToken cancellationToken = default) =>
        await GetAsync<ConsulServiceHealth[]>(
            "v1/health/connect/" + Segment(service),
            InNamespace(Passing(passingOnly), consulNamespace),
            "service:read and node:read",
            cancellationToken).ConfigureAwait(false);

    /// <summary>GET /v1/connect/intentions/check: whether the source may connect to the destination (an L7 intention counts as deny).</summary>
    public async Task<bool> CheckIntentionAsync(string source, string destination, CancellationToken cancellationToken = default)
    {
        var check = await GetAsync<JsonObject>("v1/connect/intentions/check", [("source", source), ("destination", destination)], $"service:read on \"{destination}\"", cancellationToken).ConfigureAwait(false);
        return check["Allowed"] is JsonValue allowed && allowed.TryGetValue<bool>(out var value)
            ? value
            : throw ConsulErrors.InvalidBody(Endpoint("v1/connect/intentions/check", []), "{\"Allowed\": true|false}", new JsonException("Allowed is missing."));
    }

    /// <summary>GET /v1/connect/intentions/match: for each name, the intentions that match it, in evaluation order.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<ConsulIntention>>> MatchIntentionsAsync(ConsulIntentionMatchBy by, IEnumerable<string> names, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(names);
        List<(string, string)> query = [("by", by == ConsulIntentionMatchBy.Source ? "source" : "destination"), .. names.Select(n => ("name", n))];
        var matches = await GetAsync<Dictionary<string, ConsulIntention[]?>>("v1/connect/intentions/match", query, "intentions:read", cancellationToken).ConfigureAwait(false);
        return matches.ToDictionary(m => m.Key, m => (IReadOnlyList<ConsulIntention>)(m.Value ?? []), StringComparer.Ordinal);
    }

    /// <summary>GET /v1/connect/intentions/exact: the intention from source to destination, or null when there is none.</summary>
    public Task<ConsulIntention?> GetIntentionAsync(string source, string destination, CancellationToken cancellationToken = default) =>
        GetOrNullAsync<ConsulIntention>("v1/connect/intentions/exact", [("source", source), ("destination", destination)], "intentions:read", cancellationToken);

    /// <summary>GET /v1/config/:kind: every config entry of the kind ("service-defaults", "service-intentions", ...).</summary>
    public async Task<IReadOnlyList<ConsulConfigEntry>> ListConfigEntriesAsync(string kind, CancellationToken cancellationToken = default)
    {
        var entries = await GetAsync<JsonArray>("v1/config/" + Segment(kind), [], AclForKind(kind), cancellationToken).ConfigureAwait(false);
        return [.. entries.OfType<JsonObject>().Select(ConsulConfigEntry.From)];
    }

    /// <summary>
    /// GET /v1/config/:kind/:name: the entry, or null when there is none; in <paramref name="consulNamespace"/> when
    /// given (Enterprise; CE refuses the parameter), else the settings' namespace.
    /// </summary>
    public async Task<ConsulConfigEntry?> GetConfigEntryAsync(string kind, string name, string? consulNamespace = null, CancellationToken cancellationToken = default)
    {
        var entry = await GetOrNullAsync<JsonObject>(
            "v1/config/" + Segment(kind) + "/" + Segment(name),
            InNamespace([], consulNamespace),
            AclForKind(kind),
            cancellationToken).ConfigureAwait(false);
        return entry is null ? null : ConsulConfigEntry.From(entry);
    }

    /// <summary>GET /v1/connect/ca/roots.</summary>
    public Task<ConsulCaRoots> GetCaRootsAsync(CancellationToken cancellationToken = default) =>
        GetAsync<ConsulCaRoots>("v1/connect/ca/roots", [], "no ACL", cancellationToken);

    public override string ToString() => $"Consul at {Settings}";

    public void Dispose() => _http.Dispose();

    private async Task<T> GetAsync<T>(string path, IReadOnlyList<(string Name, string Value)> query, string acl, CancellationToken cancellationToken)
    {
        var (endpoint, status, body) = await SendAsync(path, query, cancellationToken).ConfigureAwait(false);
        if (status != HttpStatusCode.OK)
        {
            throw ConsulErrors.ForStatus(Settings, endpoint, status, body, acl);
        }

        return Parse<T>(endpoint, body);
    }

    private async Task<T?> GetOrNullAsync<T>(string path, IReadOnlyList<(string Name, string Value)> query, string acl, CancellationToken cancellationToken)
        where T : class
    {
        var (endpoint, status, body) = await SendAsync(path, query, cancellationToken).ConfigureAwait(false);
        return status switch
        {
            HttpStatusCode.OK => Parse<T>(endpoint, body),
            HttpStatusCode.NotFound => null,
            _ => throw ConsulErrors.ForStatus(Settings, endpoint, status, body, acl),
        };
    }

    private async Task<(Uri Endpoint, HttpStatusCode Status, string Body)> SendAsync(string path, IReadOnlyList<(string Name, string Value)> query, CancellationToken cancellationToken)
    {
        var endpoint = Endpoint(path, query);
        using var request = new HttpRequestMessage(HttpMethod.Get, endpoint);
        if (Settings.Token is { } token)
        {
            request.Headers.TryAddWithoutValidation("X-Consul-Token", token.Reveal());
        }

        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return (endpoint, response.StatusCode, body);
    }

    private static T Parse<T>(Uri endpoint, string body)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(body, Json) ?? throw new JsonException("The body is null.");
        }
        catch (JsonException e)
        {
            throw ConsulErrors.InvalidBody(endpoint, "the JSON this endpoint returns", e);
        }
    }

    private Uri Endpoint(string path, IReadOnlyList<(string Name, string Value)> query)
    {
        var builder = new StringBuilder(path);
        var separator = '?';
        IEnumerable<(string Name, string Value)> all = query;
        if (Settings.Namespace is { } ns && !query.Any(q => q.Name == "ns"))
        {
            all = all.Append(("ns", ns));
        }

        if (Settings.Partition is { } partition)
        {
            all = all.Append(("partition", partition));
        }

        foreach (var (name, value) in all)
        {
            builder.Append(separator).Append(name).Append('=').Append(Uri.EscapeDataString(value));
            separator = '&';
        }

        return new Uri(Settings.BaseAddress, builder.ToString());
    }

    /// <summary>The query asking in <paramref name="consulNamespace"/>, which then stands for the settings' namespace (see Endpoint).</summary>
    private static IReadOnlyList<(string Name, string Value)> InNamespace(IReadOnlyList<(string Name, string Value)> query, string? consulNamespace) =>
        consulNamespace is null ? query : [.. query, ("ns", consulNamespace)];

    private static IReadOnlyList<(string, string)> Passing(bool passingOnly) => passingOnly ? [("passing", "true")] : [];

    private static string Segment(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        return Uri.EscapeDataString(value);
    }

    // The ACL each kind needs to read (Consul api-docs/config.mdx).
    private static string AclForKind(string kind) => kind switch
    {
        "service-intentions" => "intentions:read",
        "proxy-defaults" or "mesh" => "no ACL",
        _ => "service:read",
    };
}
