using Polly.Timeout;

namespace MeshOps.Clients;

/// <summary>
/// The outermost step of <see cref="ResilientHttp"/>: what is still a failure after every retry becomes one
/// <see cref="EndpointException"/> naming the endpoint. Answers the caller can act on (2xx, 3xx, 4xx other than 408 and
/// 429) pass through untouched, so a client can say what a 403 or a 404 means for its own calls.
/// </summary>
internal sealed class EndpointErrorHandler : DelegatingHandler
{
    private readonly ResilientHttpOptions _options;

    public EndpointErrorHandler(ResilientHttpOptions options)
    {
        _options = options;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var endpoint = request.RequestUri ?? throw new InvalidOperationException("The request has no URI.");
        var counter = new AttemptCounter();
        request.Options.Set(AttemptHandler.CounterKey, counter);
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (TimeoutRejectedException e)
        {
            throw EndpointErrors.Timeout(_options, endpoint, e.Timeout, Math.Max(counter.Count, 1), e);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            throw EndpointErrors.Transport(_options, endpoint, e, Math.Max(counter.Count, 1));
        }

        if (!TransientFailures.IsRetryableStatus(response.StatusCode))
        {
            return response;
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw EndpointErrors.Status(_options, endpoint, response.StatusCode, Math.Max(counter.Count, 1), body);
        }
    }
}
