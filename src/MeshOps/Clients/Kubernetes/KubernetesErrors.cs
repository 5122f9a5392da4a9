using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text.Json;
using k8s.Autorest;
using MeshOps.Secrets;

namespace MeshOps.Clients.Kubernetes;

/// <summary>
/// Turns what KubernetesClient throws into an error a user can act on: which context and server, what was refused and
/// what to do, in the words kubectl and RBAC use. No token, no request headers, no stack trace.
/// </summary>
public static class KubernetesErrors
{
    /// <summary>True when the server answered 404: for a list, the kind's CRD is not installed.</summary>
    public static bool IsNotFound(Exception exception) => StatusOf(exception) == HttpStatusCode.NotFound;

    /// <summary>True when the server answered 403: RBAC refused this request, others may still succeed.</summary>
    public static bool IsForbidden(Exception exception) => StatusOf(exception) == HttpStatusCode.Forbidden;

    /// <summary>The error for a failed request; <paramref name="request"/> says what was asked ("list pods in namespace shop").</summary>
    public static KubernetesRequestException Map(Exception exception, KubernetesConnection connection, string request)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(connection);
        var where = connection.Describe();
        if (exception is KubernetesRequestException mapped)
        {
            return mapped;
        }

        // The shared pipeline's words already name the server and say what to do, after its retries.
        if (exception is EndpointException endpoint)
        {
            return new KubernetesRequestException(endpoint.Message, (int?)endpoint.StatusCode, endpoint);
        }

        if (exception is HttpOperationException { Response: { } response })
        {
            var status = (int)response.StatusCode;
            var serverSays = StatusMessage(response.Content);
            var message = response.StatusCode switch
            {
                HttpStatusCode.Unauthorized =>
                    $"The credentials for {where} were refused (401 Unauthorized) when asked to {request}: the token has expired or was refused; log in again (e.g. refresh your kubeconfig).",
                HttpStatusCode.Forbidden =>
                    $"Forbidden by RBAC on {where}: {serverSays ?? $"cannot {request}"}. Ask for that permission, or narrow the request (-Namespace).",
                _ => $"The API server of {where} answered {status} {response.ReasonPhrase ?? response.StatusCode.ToString()} when asked to {request}"
                    + (serverSays is null ? "." : $": {serverSays}."),
            };
            return new KubernetesRequestException(OutputText.Clean(message), status);
        }

        var reason = Unreachable(exception);
        return reason is null
            ? new KubernetesRequestException(OutputText.Clean($"The request to {request} on {where} failed: {exception.Message}"), (int?)null)
            : new KubernetesRequestException(OutputText.Clean($"Cannot reach the API server of {where}: {reason}."), (int?)null, Detached(exception));
    }

    private static HttpStatusCode? StatusOf(Exception exception) => exception switch
    {
        HttpOperationException { Response: { } response } => response.StatusCode,
        EndpointException { StatusCode: { } code } => code,
        KubernetesRequestException { StatusCode: { } code } => (HttpStatusCode)code,
        _ => null,
    };

    /// <summary>Why no answer came, or null when the failure is not about reaching the server.</summary>
    private static string? Unreachable(Exception exception)
    {
        for (var inner = exception; inner is not null; inner = inner.InnerException)
        {
            switch (inner)
            {
                case AuthenticationException tls:
                    return $"its TLS certificate was not accepted ({tls.Message}); check certificate-authority in the kubeconfig, or that the server address is the cluster's";
                case SocketException { SocketErrorCode: SocketError.ConnectionRefused }:
                    return "the connection was refused; is the cluster running, and is the server address in the kubeconfig right?";
                case SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain }:
                    return "its host name does not resolve (DNS); check the server address in the kubeconfig";
                case SocketException socket:
                    return $"{socket.Message}; check the network and the server address in the kubeconfig";
                case TimeoutException or TaskCanceledException:
                    return "the request timed out; the server is unreachable or overloaded";
                case HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError }:
                    return "the TLS handshake failed; check certificate-authority in the kubeconfig";
                case HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.ResponseEnded } http:
                    return $"{http.Message}; is the cluster running?";
            }
        }

        return null;
    }

    /// <summary>The transport exception without anything of the request: its message only, as a plain exception.</summary>
    private static Exception Detached(Exception exception) => new HttpRequestException(OutputText.Clean(exception.Message));

    /// <summary>The message of the Status object the API server sends with an error (what kubectl prints after "Error from server").</summary>
    internal static string? StatusMessage(string? content)
    {
        if (string.IsNullOrWhiteSpace(content))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(content);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("message", out var message)
                && message.ValueKind == JsonValueKind.String
                ? message.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
