using System.Buffers;
using System.Net;

namespace MeshOps.Envoy.Admin;

/// <summary>
/// Refuses an answer larger than the limit: at once when its Content-Length says so, else as soon as more arrived than
/// allowed (a chunked <c>/stats</c> has no length up front). It sits under ResilientHttp's attempt step, which reads
/// every body whole, so nothing past the limit is ever buffered. The refusal is not an IOException: asking again would
/// only bring the same body, so it is not retried.
/// </summary>
internal sealed class BodyLimitHandler(long maxBytes, HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.Content.Headers.ContentLength is { } promised && promised > maxBytes)
        {
            response.Dispose();
            throw new BodyTooLargeException(maxBytes, promised);
        }

        response.Content = new LimitedContent(response.Content, maxBytes);
        return response;
    }

    private sealed class LimitedContent : HttpContent
    {
        private readonly HttpContent _inner;
        private readonly long _maxBytes;

        public LimitedContent(HttpContent inner, long maxBytes)
        {
            _inner = inner;
            _maxBytes = maxBytes;
            foreach (var header in inner.Headers)
            {
                Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            SerializeToStreamAsync(stream, context, CancellationToken.None);

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        {
            var source = await _inner.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (source.ConfigureAwait(false))
            {
                var buffer = ArrayPool<byte>.Shared.Rent(81920);
                try
                {
                    long total = 0;
                    int read;
                    while ((read = await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                    {
                        total += read;
                        if (total > _maxBytes)
                        {
                            throw new BodyTooLargeException(_maxBytes, null);
                        }

                        await stream.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                    }
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}

/// <summary>An answer past <see cref="EnvoyAdminOptions.MaxBodyBytes"/>; the client turns it into an EndpointException.</summary>
internal sealed class BodyTooLargeException(long limit, long? promised)
    : Exception($"The answer is larger than the limit of {limit} bytes.")
{
    public long Limit { get; } = limit;

    public long? Promised { get; } = promised;
}
