using System.Net;
using System.Net.Sockets;
using Polly;
using Polly.Timeout;

namespace MeshOps.Clients;

/// <summary>
/// Which failures are worth another attempt: the ones a server or a network recovers from by itself (429, 408, 5xx,
/// resets, refusals while a port-forward starts, a body cut short, an attempt that timed out). Any other 4xx means the
/// request itself is wrong or not allowed, and asking again only repeats the answer.
/// </summary>
internal static class TransientFailures
{
    public static bool IsRetryableStatus(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    public static bool ShouldRetry(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Result: { } response } => IsRetryableStatus(response.StatusCode),
        { Exception: TimeoutRejectedException } => true,
        { Exception: OperationCanceledException } => false,
        // A certificate that is not trusted stays untrusted.
        { Exception: HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError } } => false,
        { Exception: HttpRequestException or IOException } => true,
        _ => false,
    };

    /// <summary>A few words for -Verbose and errors: "429 TooManyRequests", "connection refused", "timed out".</summary>
    public static string Describe(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Result: { } response } => $"{(int)response.StatusCode} {response.StatusCode}",
        { Exception: TimeoutRejectedException } => "timed out",
        { Exception: ResponseCutShortException } => "response cut short",
        { Exception: { } e } when IsRefused(e) => "connection refused",
        { Exception: { } e } => "connection failed: " + Innermost(e).Message,
        _ => "unknown",
    };

    public static bool IsRefused(Exception e) =>
        Innermost(e) is SocketException { SocketErrorCode: SocketError.ConnectionRefused };

    public static Exception Innermost(Exception e)
    {
        while (e.InnerException is not null)
        {
            e = e.InnerException;
        }

        return e;
    }
}
