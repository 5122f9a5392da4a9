using MeshOps.Envoy;
using MeshOps.Envoy.Admin;
using MeshOps.Envoy.Config;

namespace MeshOps.PowerShell.Infrastructure;

/// <summary>
/// An Envoy cmdlet that reads the whole <c>/config_dump</c> (without EDS, as istioctl proxy-config does) from a sidecar
/// or a saved file, parses it once and writes what <see cref="Results"/> picks from it.
/// </summary>
public abstract class EnvoyConfigDumpCmdlet : EnvoyAdminCmdlet
{
    /// <summary>The objects to write from one sidecar's parsed dump.</summary>
    protected abstract IReadOnlyList<object> Results(EnvoyConfigDump dump);

    protected sealed override async Task<IReadOnlyList<object>> ReadLiveAsync(IEnvoyAdmin admin, CancellationToken cancellationToken)
    {
        var response = await admin.GetAsync(EnvoyConfigDumpRequest.PathAndQuery(includeEds: false, resource: null), cancellationToken).ConfigureAwait(false);
        return Results(EnvoyConfigDumpParser.Parse(admin.Source, response.Body.Span));
    }

    protected sealed override IReadOnlyList<object> ReadSaved(EnvoySource source, ReadOnlyMemory<byte> content) =>
        Results(EnvoyConfigDumpParser.Parse(source, content.Span));
}
