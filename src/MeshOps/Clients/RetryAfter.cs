using System.Net.Http.Headers;

namespace MeshOps.Clients;

/// <summary>Reads a Retry-After header (seconds or an HTTP date, RFC 9110 10.2.3) as a wait from now.</summary>
internal static class RetryAfter
{
    public static TimeSpan? Read(HttpResponseHeaders headers, TimeProvider clock)
    {
        var value = headers.RetryAfter;
        if (value?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (value?.Date is { } date)
        {
            var wait = date - clock.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }
}
