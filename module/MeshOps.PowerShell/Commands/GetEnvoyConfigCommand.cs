using System.Management.Automation;
using MeshOps.Envoy;
using MeshOps.Envoy.Admin;
using MeshOps.Envoy.Config;
using MeshOps.PowerShell.Infrastructure;

namespace MeshOps.PowerShell.Commands;

/// <summary>
/// Reads each sidecar's <c>/config_dump</c> into a typed summary (node, listeners, routes, clusters, endpoints with
/// -IncludeEds, secrets by name, the intentions its RBAC filters enforce). -Resource asks Envoy for one repeated field
/// and returns its items typed; -Raw returns the JSON itself. Credentials (a bootstrap's Consul ACL token) are masked in
/// everything written, -Raw included.
/// </summary>
[Cmdlet(VerbsCommon.Get, "EnvoyConfig", DefaultParameterSetName = PodSet)]
[OutputType(typeof(EnvoyConfigDump), typeof(EnvoyClusterConfig), typeof(EnvoyListener), typeof(EnvoyRouteConfiguration), typeof(EnvoyEndpoint), typeof(EnvoySecretConfig), typeof(string))]
public sealed class GetEnvoyConfigCommand : EnvoyAdminCmdlet
{
    /// <summary>
    /// A repeated field of the dump (<c>dynamic_active_clusters</c>, <c>dynamic_listeners</c>, …): only its items. Live,
    /// Envoy is asked for that field alone; from a saved dump, its items are picked out of the whole.
    /// </summary>
    [Parameter]
    [ValidatePattern("^[a-z][a-z0-9_]{0,63}$")]
    public string? Resource { get; set; }

    /// <summary>Adds the endpoints Envoy received by EDS (<c>?include_eds</c>).</summary>
    [Parameter(ParameterSetName = PodSet)]
    [Parameter(ParameterSetName = ServiceSet)]
    [Parameter(ParameterSetName = AdminUrlSet)]
    public SwitchParameter IncludeEds { get; set; }

    /// <summary>The dump's JSON (indented, credentials masked) instead of objects.</summary>
    [Parameter]
    public SwitchParameter Raw { get; set; }

    protected override async Task<IReadOnlyList<object>> ReadLiveAsync(IEnvoyAdmin admin, CancellationToken cancellationToken)
    {
        var response = await admin.GetAsync(EnvoyConfigDumpRequest.PathAndQuery(IncludeEds, Resource), cancellationToken).ConfigureAwait(false);
        return Results(EnvoyConfigDumpParser.Parse(admin.Source, response.Body.Span, Resource));
    }

    protected override IReadOnlyList<object> ReadSaved(EnvoySource source, ReadOnlyMemory<byte> content) =>
        Results(EnvoyConfigDumpParser.Parse(source, content.Span));

    private IReadOnlyList<object> Results(EnvoyConfigDump dump)
    {
        if (Raw)
            return [dump.RedactedJson];
        return Resource is null ? [dump] : dump.ItemsOf(Resource);
    }
}
