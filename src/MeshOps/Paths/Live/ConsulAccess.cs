using MeshOps.Clients;
using MeshOps.Clients.Consul;
using MeshOps.Clients.Kubernetes;

namespace MeshOps.Paths.Live;

/// <summary>
/// One Consul connection for a whole invocation (every path of -All asks the same server), opened on first use. A
/// Consul that cannot be reached is remembered with its reason, so each path says why its Catalog hop is Unknown
/// without asking again.
/// </summary>
internal sealed class ConsulAccess(KubernetesConnection cluster, LivePathOptions options) : IDisposable
{
    private Task<(ConsulConnection? Connection, string? Problem)>? _opening;

    public async Task<(ConsulConnection? Connection, string? Problem)> OpenAsync(CancellationToken cancellationToken)
    {
        _opening ??= ConnectAsync(cancellationToken);
        return await _opening.ConfigureAwait(false);
    }

    private async Task<(ConsulConnection?, string?)> ConnectAsync(CancellationToken cancellationToken)
    {
        try
        {
            var connection = await ConsulServerPod.ConnectAsync(cluster, options.Consul, options.Environment, cancellationToken).ConfigureAwait(false);
            options.OnNote?.Invoke(connection.Via is null
                ? $"Consul: {connection.Client.Settings.BaseAddress} ({connection.Client.Settings.AddressOrigin})"
                : $"Consul: through a port-forward to pod {connection.Via} port {ConsulServerPod.HttpPort}");
            return (connection, null);
        }
        catch (Exception e) when (e is InvalidOperationException or KubernetesRequestException or EndpointException or ConsulSettingsException)
        {
            return (null, e.Message);
        }
    }

    public void Dispose()
    {
        if (_opening is { IsCompletedSuccessfully: true } opened)
        {
            opened.Result.Connection?.Dispose();
        }
    }
}
