using System.Management.Automation;
using MeshOps.Envoy;
using MeshOps.Envoy.Admin;
using MeshOps.Envoy.Server;
using MeshOps.PowerShell.Infrastructure;

namespace MeshOps.PowerShell.Commands;

/// <summary>
/// Reads <c>/server_info</c> of each sidecar: its state (LIVE, DRAINING, PRE_INITIALIZING, INITIALIZING), Envoy
/// release, uptime and hot-restart generation.
/// </summary>
[Cmdlet(VerbsCommon.Get, "EnvoyServerInfo", DefaultParameterSetName = PodSet)]
[OutputType(typeof(EnvoyServerInfo))]
public sealed class GetEnvoyServerInfoCommand : EnvoyAdminCmdlet
{
    protected override async Task<IReadOnlyList<object>> ReadLiveAsync(IEnvoyAdmin admin, CancellationToken cancellationToken)
    {
        var response = await admin.GetAsync("/server_info", cancellationToken).ConfigureAwait(false);
        return [EnvoyServerInfoParser.Parse(admin.Source, response.Body.Span)];
    }

    protected override IReadOnlyList<object> ReadSaved(EnvoySource source, ReadOnlyMemory<byte> content) =>
        [EnvoyServerInfoParser.Parse(source, content.Span)];
}
