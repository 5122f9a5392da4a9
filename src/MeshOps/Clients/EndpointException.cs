using System.Net;
using MeshOps.Secrets;

namespace MeshOps.Clients;

/// <summary>
/// A call to a server failed in a way the user has to act on. The message names the endpoint (scheme://host:port/path,
/// never userinfo or query), what went wrong and what to do; it has been through <see cref="OutputText.Clean"/>, so a
/// token echoed by a server or a proxy in a response body is masked before anyone can print it.
/// </summary>
public sealed class EndpointException : Exception
{
    public EndpointException(Uri endpoint, EndpointFailure failure, string message, HttpStatusCode? statusCode = null, int attempts = 1, Exception? innerException = null)
        : base(OutputText.Clean(message), innerException)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        Endpoint = EndpointAddress.Strip(endpoint);
        Failure = failure;
        StatusCode = statusCode;
        Attempts = attempts;
    }

    /// <summary>The endpoint called, without userinfo, query or fragment.</summary>
    public Uri Endpoint { get; }

    public EndpointFailure Failure { get; }

    /// <summary>The status of the last answer; null when there was none.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>How many attempts were made before giving up.</summary>
    public int Attempts { get; }
}
