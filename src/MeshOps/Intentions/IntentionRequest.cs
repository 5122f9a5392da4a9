using MeshOps.Rules.Intentions;

namespace MeshOps.Intentions;

/// <summary>The HTTP request an L7 intention is asked about, from -Method, -PathInfo and -Header.</summary>
public static class IntentionRequest
{
    /// <summary>
    /// Null when nothing of a request is given (the check is then connection-level, as Consul's). A part left out takes
    /// curl's default (GET, "/", no headers), marked as not given, so that only permissions that do not turn on it decide.
    /// </summary>
    /// <param name="headers">name=value, or a bare name for a header sent empty.</param>
    public static DescribedRequest? Create(string? method, string? path, IReadOnlyList<string>? headers)
    {
        if (method is null && path is null && (headers is null || headers.Count == 0))
        {
            return null;
        }

        var sent = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in headers ?? [])
        {
            var split = header.IndexOf('=', StringComparison.Ordinal);
            sent[split < 0 ? header : header[..split]] = split < 0 ? "" : header[(split + 1)..];
        }

        return new DescribedRequest(
            new HttpRequestAttributes((method ?? "GET").ToUpperInvariant(), path ?? "/", sent),
            MethodGiven: method is not null,
            PathGiven: path is not null,
            HeadersGiven: headers is { Count: > 0 });
    }
}
