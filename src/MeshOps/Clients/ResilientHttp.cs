using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace MeshOps.Clients;

/// <summary>
/// The HTTP pipeline both clients (Kubernetes, Consul) send through: a total timeout around retries with exponential
/// backoff and jitter (429, 408, 5xx, connection failures, bodies cut short; honouring Retry-After up to
/// <see cref="ClientTimeouts.MaxRetryDelay"/>; never another 4xx) around a per-attempt timeout. Cancellation stops it at
/// once, even inside a wait. What still fails is thrown as an <see cref="EndpointException"/> naming the endpoint.
/// </summary>
public static class ResilientHttp
{
    /// <summary>The pipeline in front of <paramref name="inner"/> (a SocketsHttpHandler, or a port-forward's handler).</summary>
    public static HttpMessageHandler CreateHandler(HttpMessageHandler inner, ResilientHttpOptions options)
    {
        ArgumentNullException.ThrowIfNull(inner);
        var handlers = CreateHandlers(options);
        handlers[^1].InnerHandler = inner;
        for (var i = handlers.Length - 2; i >= 0; i--)
        {
            handlers[i].InnerHandler = handlers[i + 1];
        }

        return handlers[0];
    }

    /// <summary>
    /// The same pipeline as handlers not yet chained, outermost first: what KubernetesClient's
    /// <c>new Kubernetes(config, handlers)</c> takes and chains, in this order, over its own TLS and credential handler.
    /// </summary>
    public static DelegatingHandler[] CreateHandlers(ResilientHttpOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return [new EndpointErrorHandler(options), new ResilienceHandler(BuildPipeline(options)), new AttemptHandler()];
    }

    /// <summary>
    /// An HttpClient over <see cref="CreateHandler"/>. Its own Timeout is off: the pipeline's timeouts apply instead, so the
    /// error says which one ran out.
    /// </summary>
    public static HttpClient CreateClient(HttpMessageHandler inner, ResilientHttpOptions options, Uri? baseAddress = null) =>
        new(CreateHandler(inner, options), disposeHandler: true)
        {
            BaseAddress = baseAddress,
            Timeout = System.Threading.Timeout.InfiniteTimeSpan,
        };

    private static ResiliencePipeline<HttpResponseMessage> BuildPipeline(ResilientHttpOptions options)
    {
        var timeouts = options.Timeouts;
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = options.TimeProvider };
        if (timeouts.TotalTimeout != Timeout.InfiniteTimeSpan)
        {
            builder.AddTimeout(new TimeoutStrategyOptions { Timeout = timeouts.TotalTimeout, Name = "total" });
        }

        if (timeouts.MaxRetries > 0)
        {
            builder.AddRetry(RetryOptions(options));
        }

        if (timeouts.AttemptTimeout != Timeout.InfiniteTimeSpan)
        {
            builder.AddTimeout(new TimeoutStrategyOptions { Timeout = timeouts.AttemptTimeout, Name = "attempt" });
        }

        return builder.Build();
    }

    private static RetryStrategyOptions<HttpResponseMessage> RetryOptions(ResilientHttpOptions options)
    {
        var timeouts = options.Timeouts;
        return new RetryStrategyOptions<HttpResponseMessage>
        {
            MaxRetryAttempts = timeouts.MaxRetries,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = timeouts.RetryBaseDelay,
            MaxDelay = timeouts.MaxRetryDelay,
            ShouldHandle = args => ValueTask.FromResult(TransientFailures.ShouldRetry(args.Outcome)),
            DelayGenerator = args =>
            {
                var asked = args.Outcome.Result is { } response ? RetryAfter.Read(response.Headers, options.TimeProvider) : null;
                return ValueTask.FromResult(asked is { } wait ? (TimeSpan?)(wait > timeouts.MaxRetryDelay ? timeouts.MaxRetryDelay : wait) : null);
            },
            OnRetry = args =>
            {
                if (options.OnRetry is { } notify && args.Context.GetRequestMessage()?.RequestUri is { } uri)
                {
                    notify(new RetryNotice(EndpointAddress.Describe(uri), args.AttemptNumber + 1, args.RetryDelay, TransientFailures.Describe(args.Outcome)));
                }

                return ValueTask.CompletedTask;
            },
        };
    }
}
