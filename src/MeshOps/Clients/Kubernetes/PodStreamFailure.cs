using System.Globalization;
using System.Net.WebSockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace MeshOps.Clients.Kubernetes;

/// <summary>
/// Turns what opening a pod stream threw into a <see cref="PodStreamException"/> that says what happened. .NET's
/// ClientWebSocket reports a refused upgrade only as "status code 'N'" (KubernetesClient's own follow-up request
/// for the Status body runs only for the older HeaderError), so the pod is read through the typed API to say why:
/// the pod does not exist, the container is not in it, or the credentials were refused.
/// </summary>
internal static partial class PodStreamFailure
{
    public static async Task<PodStreamException> DescribeAsync(
        IKubernetes kubernetes, string target, string @namespace, string pod, string? container, Exception failure, CancellationToken ct)
    {
        var said = Answer(failure);
        var status = StatusCode(failure);
        if (status is not null)
            said = await ExplainAsync(kubernetes, @namespace, pod, container, status.Value, ct).ConfigureAwait(false) ?? said;
        return new PodStreamException($"Could not open {target} through the Kubernetes API: {said}.", failure);
    }

    /// <summary>The HTTP status a refused upgrade carried, when the failure says it.</summary>
    public static int? StatusCode(Exception failure) => failure switch
    {
        HttpOperationException { Response: { } response } => (int)response.StatusCode,
        WebSocketException e when RefusedStatus().Match(e.Message) is { Success: true } m => int.Parse(m.Groups["code"].Value, CultureInfo.InvariantCulture),
        _ => null,
    };

    private static string Answer(Exception failure) => failure switch
    {
        HttpOperationException { Body: V1Status status, Response: { } response } =>
            $"the API server answered {(int)response.StatusCode} {status.Reason}: {status.Message}",
        HttpOperationException { Response: { } response } => $"the API server answered {(int)response.StatusCode} {response.ReasonPhrase}",
        JsonException => "the API server refused the WebSocket upgrade without a Status (it may not speak the requested subprotocol)",
        WebSocketException e when StatusCode(e) is { } code => $"the API server refused the WebSocket upgrade with HTTP {code}",
        WebSocketException e => $"the WebSocket connection failed: {e.Message}",
        _ => failure.Message,
    };

    private static async Task<string?> ExplainAsync(IKubernetes kubernetes, string @namespace, string pod, string? container, int status, CancellationToken ct)
    {
        V1Pod found;
        try
        {
            found = await kubernetes.CoreV1.ReadNamespacedPodAsync(pod, @namespace, cancellationToken: ct).ConfigureAwait(false);
        }
        catch (HttpOperationException e) when (e.Response is not null)
        {
            var reason = (e.Body as V1Status ?? ReadStatus(e.Response.Content)) is { } s ? $"{s.Reason}: {s.Message}" : e.Response.ReasonPhrase;
            return $"the API server answered {(int)e.Response.StatusCode} {reason}";
        }
        catch (Exception e) when (e is HttpRequestException or JsonException)
        {
            return null;
        }

        if (container is null)
            return null;
        var containers = (found.Spec?.Containers ?? []).Select(c => c.Name).ToList();
        var init = (found.Spec?.InitContainers ?? []).Select(c => c.Name).ToList();
        if (containers.Contains(container) || init.Contains(container))
            return null;
        return $"the API server answered {status}: container {container} is not valid for pod {pod} (its containers: {string.Join(", ", containers.Concat(init))})";
    }

    /// <summary>The Status in an error body; KubernetesClient's typed calls leave it unparsed.</summary>
    private static V1Status? ReadStatus(string? content)
    {
        try
        {
            var status = string.IsNullOrEmpty(content) ? null : KubernetesJson.Deserialize<V1Status>(content);
            return status?.Kind == "Status" ? status : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"status code '(?<code>\d{3})'")]
    private static partial Regex RefusedStatus();
}
