namespace MeshOps.Clients;

/// <summary>
/// The innermost step of <see cref="ResilientHttp"/>: counts each attempt, and reads the whole body inside it, so a body
/// cut short fails the attempt (and is retried) instead of surfacing later as a half-parsed document. Watches and log
/// follows stream for as long as they run, so their bodies are left to the caller.
/// </summary>
internal sealed class AttemptHandler : DelegatingHandler
{
    public static readonly HttpRequestOptionsKey<AttemptCounter> CounterKey = new("MeshOps.Attempts");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Options.TryGetValue(CounterKey, out var counter))
        {
            counter.Count++;
        }

        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (IsStream(request.RequestUri))
        {
            return response;
        }

        try
        {
            await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
            return response;
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            var promised = response.Content.Headers.ContentLength;
            response.Dispose();
            throw new ResponseCutShortException(promised, e);
        }
    }

    private static bool IsStream(Uri? uri)
    {
        var query = uri?.Query;
        return query is not null
            && (query.Contains("watch=true", StringComparison.OrdinalIgnoreCase)
                || query.Contains("watch=1", StringComparison.Ordinal)
                || query.Contains("follow=true", StringComparison.OrdinalIgnoreCase));
    }
}

/// <summary>Attempts made for one request, shared by the steps of one <see cref="ResilientHttp"/> pipeline.</summary>
internal sealed class AttemptCounter
{
    public int Count { get; set; }
}
