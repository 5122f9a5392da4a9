using System.Globalization;
using System.Net;
using System.Text;

namespace MeshOps.Clients;

/// <summary>The words of each <see cref="EndpointException"/> <see cref="ResilientHttp"/> throws: what happened, then what to do.</summary>
internal static class EndpointErrors
{
    private const int ExcerptLength = 300;

    public static EndpointException Status(ResilientHttpOptions options, Uri endpoint, HttpStatusCode status, int attempts, string? body)
    {
        var advice = status switch
        {
            HttpStatusCode.TooManyRequests => "It is limiting requests; wait a little and run the command again.",
            HttpStatusCode.RequestTimeout => "It gave up waiting for the request; check the network between here and the server.",
            _ => "The server is failing; check its health and logs, then run the command again.",
        };
        var text = $"{Sentence(options.ServiceName)} at {EndpointAddress.Describe(endpoint)} answered {(int)status} {status}: {GaveUp(attempts)}. {advice}{ServerSaid(body)}";
        return new EndpointException(endpoint, EndpointFailure.Status, text, status, attempts);
    }

    public static EndpointException Transport(ResilientHttpOptions options, Uri endpoint, Exception error, int attempts)
    {
        var address = EndpointAddress.Describe(endpoint);
        if (error is ResponseCutShortException cut)
        {
            var promised = cut.PromisedLength is { } length ? string.Create(CultureInfo.InvariantCulture, $" of the {length} bytes it promised") : "";
            return new EndpointException(endpoint, EndpointFailure.Truncated,
                $"The response from {options.ServiceName} at {address} was cut short: the connection closed before all{promised} arrived ({GaveUp(attempts)}). " +
                "Run the command again; if it keeps happening, something between here and the server (a proxy, a port-forward) is dropping connections.",
                attempts: attempts, innerException: error);
        }

        if (error is HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError })
        {
            return new EndpointException(endpoint, EndpointFailure.Tls,
                $"Could not make a trusted TLS connection to {options.ServiceName} at {address}: {TransientFailures.Innermost(error).Message}. {options.TlsAdvice}",
                attempts: attempts, innerException: error);
        }

        if (TransientFailures.IsRefused(error))
        {
            return new EndpointException(endpoint, EndpointFailure.ConnectionRefused,
                $"Could not connect to {options.ServiceName} at {address}: the connection was refused ({GaveUp(attempts)}). {options.ConnectionAdvice}",
                attempts: attempts, innerException: error);
        }

        return new EndpointException(endpoint, EndpointFailure.ConnectionLost,
            $"The connection to {options.ServiceName} at {address} failed before it answered: {TransientFailures.Innermost(error).Message} ({GaveUp(attempts)}). {options.ConnectionAdvice}",
            attempts: attempts, innerException: error);
    }

    public static EndpointException Timeout(ResilientHttpOptions options, Uri endpoint, TimeSpan limit, int attempts, Exception error)
    {
        var timeouts = options.Timeouts;
        var which = limit == timeouts.TotalTimeout
            ? $"within {Seconds(limit)} in all ({attempts} {(attempts == 1 ? "attempt" : "attempts")})"
            : $"within {Seconds(limit)} ({GaveUp(attempts)})";
        return new EndpointException(endpoint, EndpointFailure.Timeout,
            $"{Sentence(options.ServiceName)} at {EndpointAddress.Describe(endpoint)} did not answer {which}. Check that it is reachable and not overloaded, or allow more time.",
            attempts: attempts, innerException: error);
    }

    /// <summary>The name as the first word of a sentence: "the Kubernetes API server" starts one as "The ...".</summary>
    private static string Sentence(string name) => name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name[1..];

    public static string GaveUp(int attempts) => attempts == 1 ? "after 1 attempt" : $"gave up after {attempts} attempts";

    public static string Seconds(TimeSpan span) => span.TotalSeconds >= 1
        ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.#} s")
        : string.Create(CultureInfo.InvariantCulture, $"{span.TotalMilliseconds:0} ms");

    /// <summary>The start of an error body, on one line: servers put the actual reason there.</summary>
    public static string ServerSaid(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return "";
        }

        var flat = new StringBuilder();
        foreach (var c in body.Trim())
        {
            if (flat.Length == ExcerptLength)
            {
                flat.Append('…');
                break;
            }

            flat.Append(char.IsWhiteSpace(c) ? ' ' : c);
        }

        return $" (the server said: {flat})";
    }
}
