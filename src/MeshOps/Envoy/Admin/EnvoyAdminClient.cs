using System.Globalization;
using System.Net;
using System.Text;
using k8s;
using MeshOps.Clients;
using MeshOps.Clients.Kubernetes;

namespace MeshOps.Envoy.Admin;

/// <summary>
/// The Envoy admin of one sidecar over HTTP: at an admin URL, or inside a pod through the API server's port-forward
/// (nothing listens locally). Requests go through <see cref="ResilientHttp"/> (timeouts, retries on 5xx, resets and
/// bodies cut short), so an error names the sidecar and the path and says what to do.
/// </summary>
public sealed class EnvoyAdminClient : IEnvoyAdmin
{
    /// <summary>consul-k8s binds each sidecar's Envoy admin to this port (the pod's <c>envoy-sidecar</c> container).</summary>
    public const int DefaultAdminPort = 19000;

    private readonly HttpClient _http;
    private readonly ResilientHttpOptions _resilience;

    private EnvoyAdminClient(EnvoySource source, HttpMessageHandler transport, Uri baseAddress, ResilientHttpOptions resilience, long maxBodyBytes)
    {
        Source = source;
        _resilience = resilience;
        _http = ResilientHttp.CreateClient(new BodyLimitHandler(maxBodyBytes, transport), resilience, baseAddress);
        MaxBodyBytes = maxBodyBytes;
    }

    public EnvoySource Source { get; }

    private long MaxBodyBytes { get; }

    /// <summary>The admin at <paramref name="adminUrl"/> (<c>http://127.0.0.1:19000</c>); only its scheme, host and port are used.</summary>
    /// <exception cref="ArgumentException">Not an absolute http or https URL.</exception>
    public static EnvoyAdminClient ForUrl(Uri adminUrl, EnvoyAdminOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(adminUrl);
        if (!adminUrl.IsAbsoluteUri || (adminUrl.Scheme != Uri.UriSchemeHttp && adminUrl.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"'{adminUrl.OriginalString}' is not an http:// or https:// URL of an Envoy admin (e.g. http://127.0.0.1:19000).", nameof(adminUrl));
        }

        options ??= EnvoyAdminOptions.Default;
        var source = SourceFor(adminUrl);
        var transport = new SocketsHttpHandler
        {
            ConnectTimeout = options.Timeouts.AttemptTimeout,
            UseProxy = false,
            AllowAutoRedirect = false,
            UseCookies = false,
        };
        var resilience = Resilience(options, "Envoy admin",
            "Check the admin URL and that Envoy's admin listens there (consul connect envoy -admin-bind; a kubectl port-forward to port 19000 must still run).");
        return new EnvoyAdminClient(source, transport, new Uri(source.Endpoint + "/"), resilience, options.MaxBodyBytes);
    }

    /// <summary>
    /// The source an admin URL's answers carry: scheme, host and port only. Envoy's admin has no authentication, so
    /// user:password@ in a URL is a mistake or a proxy's credential, and it must not reach output or errors.
    /// </summary>
    public static EnvoySource SourceFor(Uri adminUrl)
    {
        ArgumentNullException.ThrowIfNull(adminUrl);
        return EnvoySource.ForUrl(adminUrl.IsAbsoluteUri ? new UriBuilder(adminUrl) { UserName = "", Password = "" }.Uri : adminUrl);
    }

    /// <summary>The admin of the sidecar in <paramref name="pod"/>, through a port-forward to <paramref name="adminPort"/>.</summary>
    public static EnvoyAdminClient ForPod(KubernetesConnection connection, string @namespace, string pod, int adminPort = DefaultAdminPort, EnvoyAdminOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return ForPod(connection.Client, @namespace, pod, adminPort, options);
    }

    /// <summary>The admin of the sidecar in <paramref name="pod"/>, through a port-forward to <paramref name="adminPort"/>.</summary>
    public static EnvoyAdminClient ForPod(IKubernetes kubernetes, string @namespace, string pod, int adminPort = DefaultAdminPort, EnvoyAdminOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(kubernetes);
        ArgumentOutOfRangeException.ThrowIfLessThan(adminPort, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(adminPort, 65535);
        options ??= EnvoyAdminOptions.Default;
        var source = EnvoySource.ForPod(@namespace, pod, adminPort);
        var transport = PodPortForward.CreateHttpHandler(kubernetes, @namespace, pod, adminPort);
        var resilience = Resilience(options, $"the Envoy admin of {source.Endpoint}",
            $"Check that the pod runs a Consul sidecar whose Envoy admin listens on port {adminPort.ToString(CultureInfo.InvariantCulture)} " +
            $"(kubectl get pod {pod} -n {@namespace} -o jsonpath='{{.spec.containers[*].name}}'); give -AdminPort if it is another port.");

        // The port-forward reaches the pod whatever the host is; the host only names the pod in errors and in Host.
        var baseAddress = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://{pod}.{@namespace}:{adminPort}/"));
        return new EnvoyAdminClient(source, transport, baseAddress, resilience, options.MaxBodyBytes);
    }

    public async Task<EnvoyAdminResponse> GetAsync(string pathAndQuery, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(pathAndQuery);
        if (pathAndQuery[0] != '/')
        {
            throw new ArgumentException($"'{pathAndQuery}' is not an admin path: it must start with '/' (e.g. /server_info).", nameof(pathAndQuery));
        }

        var uri = new Uri(_http.BaseAddress!, pathAndQuery);
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        }
        catch (BodyTooLargeException large)
        {
            throw TooLarge(uri, large);
        }

        using (response)
        {
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw Refused(uri, response.StatusCode, Encoding.UTF8.GetString(body));
            }

            // The handler already fails a body shorter than its Content-Length; this keeps that promise checked here too,
            // where a parser is about to trust the bytes.
            if (response.Content.Headers.ContentLength is { } promised && promised != body.Length)
            {
                throw new EndpointException(uri, EndpointFailure.Truncated, string.Create(CultureInfo.InvariantCulture,
                    $"The response from {_resilience.ServiceName} at {EndpointAddress.Describe(uri)} was cut short: {body.Length} of the {promised} bytes it promised arrived. Run the command again."));
            }

            return new EnvoyAdminResponse(Source, pathAndQuery, (int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, body);
        }
    }

    public ValueTask DisposeAsync()
    {
        _http.Dispose();
        return ValueTask.CompletedTask;
    }

    private EndpointException TooLarge(Uri uri, BodyTooLargeException large)
    {
        var size = large.Promised is { } promised ? string.Create(CultureInfo.InvariantCulture, $" ({promised} bytes)") : "";
        var limit = MaxBodyBytes.ToString(CultureInfo.InvariantCulture);
        return new EndpointException(uri, EndpointFailure.InvalidResponse,
            $"The answer of {_resilience.ServiceName} at {EndpointAddress.Describe(uri)} is larger{size} than the limit of {limit} bytes, so it was not read. " +
            "Ask for less (a stats filter, a config_dump resource) or save it with curl and read the file with -Path.",
            innerException: large);
    }

    /// <summary>A 4xx other than 408 and 429 (those are retried): asking again would bring the same answer.</summary>
    private EndpointException Refused(Uri uri, HttpStatusCode status, string body)
    {
        var advice = status == HttpStatusCode.NotFound
            ? "This Envoy has no such admin endpoint (an older Envoy, or a proxy in front of it that is not Envoy's admin)."
            : "Envoy's admin refused the request; check that the admin URL or port is Envoy's admin and not the application's.";
        return new EndpointException(uri, EndpointFailure.Status, string.Create(CultureInfo.InvariantCulture,
            $"{char.ToUpperInvariant(_resilience.ServiceName[0])}{_resilience.ServiceName[1..]} at {EndpointAddress.Describe(uri)} answered {(int)status} {status}. {advice}{EndpointErrors.ServerSaid(body)}"),
            status);
    }

    private static ResilientHttpOptions Resilience(EnvoyAdminOptions options, string serviceName, string connectionAdvice) => new()
    {
        ServiceName = serviceName,
        Timeouts = options.Timeouts,
        ConnectionAdvice = connectionAdvice,
        TlsAdvice = "Envoy's admin normally speaks plain HTTP; use http:// unless a proxy in front of it serves TLS.",
        OnRetry = options.OnRetry,
    };
}
