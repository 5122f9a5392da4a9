using System.Management.Automation;
using MeshOps.Envoy;
using MeshOps.Envoy.Admin;
using MeshOps.Envoy.Server;
using MeshOps.PowerShell.Infrastructure;

namespace MeshOps.PowerShell.Commands;

/// <summary>
/// Whether each sidecar's Envoy serves traffic (LIVE), and if not why. Live it reads <c>/server_info</c>, which
/// answers 200 in every state and says the release and uptime too; a saved <c>/ready</c> or <c>/server_info</c> is
/// read as well. A sidecar that cannot be asked is an error, and with -Quiet the answer is then $false: no answer is
/// never ready.
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "EnvoyReady", DefaultParameterSetName = PodSet)]
[OutputType(typeof(EnvoyReadiness))]
[OutputType(typeof(bool))]
public sealed class TestEnvoyReadyCommand : EnvoyAdminCmdlet
{
    private bool _allReady = true;

    /// <summary>Returns only $true (every sidecar asked answered and is LIVE) or $false.</summary>
    [Parameter]
    public SwitchParameter Quiet { get; set; }

    protected override async Task<IReadOnlyList<object>> ReadLiveAsync(IEnvoyAdmin admin, CancellationToken cancellationToken)
    {
        var response = await admin.GetAsync("/server_info", cancellationToken).ConfigureAwait(false);
        return [EnvoyReadiness.From(EnvoyServerInfoParser.Parse(admin.Source, response.Body.Span))];
    }

    /// <summary>A saved <c>/ready</c> is one state name; anything else is read as <c>/server_info</c> (JSON or Envoy 1.8's line).</summary>
    protected override IReadOnlyList<object> ReadSaved(EnvoySource source, ReadOnlyMemory<byte> content)
    {
        var span = content.Span.Trim(" \t\r\n"u8);
        var isReady = span.Length > 0 && span.IndexOfAny(" {\n"u8) < 0;
        return [isReady ? EnvoyReadyParser.Parse(source, content.Span) : EnvoyReadiness.From(EnvoyServerInfoParser.Parse(source, content.Span))];
    }

    protected override void WriteResults(EnvoySource source, IReadOnlyList<object> results)
    {
        _allReady &= results.OfType<EnvoyReadiness>().All(r => r.Ready);
        if (!Quiet)
        {
            base.WriteResults(source, results);
        }
    }

    protected override void EndProcessing()
    {
        base.EndProcessing();
        if (Quiet)
        {
            WriteObject(_allReady && FailedTargets == 0 && SucceededTargets > 0);
        }
    }
}
