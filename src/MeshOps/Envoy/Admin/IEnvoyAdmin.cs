namespace MeshOps.Envoy.Admin;

/// <summary>
/// One sidecar's Envoy admin interface, however it is reached (a pod's port-forward, an admin URL). Parsers never see
/// it: a cmdlet or a caller fetches a body here and hands the bytes to a parser in MeshOps.Envoy.*.
/// </summary>
public interface IEnvoyAdmin : IAsyncDisposable
{
    /// <summary>Whose admin this is; every object read from its answers carries it.</summary>
    EnvoySource Source { get; }

    /// <summary>
    /// GETs <paramref name="pathAndQuery"/> (<c>/clusters?format=json</c>). Returns only a 2xx body that arrived whole
    /// (its Content-Length or final chunk checked) and within the size limit.
    /// </summary>
    /// <exception cref="MeshOps.Clients.EndpointException">
    /// Refused, timed out, cut short, an error status after the retries, or too large; the message names the pod (or
    /// the URL) and the path.
    /// </exception>
    Task<EnvoyAdminResponse> GetAsync(string pathAndQuery, CancellationToken cancellationToken = default);
}
