using System.Management.Automation;
using MeshOps.Envoy.Config;
using MeshOps.PowerShell.Infrastructure;

namespace MeshOps.PowerShell.Commands;

/// <summary>
/// The listeners of each sidecar from <c>/config_dump</c>: Consul's <c>public_listener</c> and the transparent proxy's
/// <c>outbound_listener</c>, each filter chain with what it matches and where it sends traffic; -FilterChain writes the
/// chains, -Intention the intentions the RBAC filters enforce.
/// </summary>
[Cmdlet(VerbsCommon.Get, "EnvoyListener", DefaultParameterSetName = PodSet)]
[OutputType(typeof(EnvoyListener), typeof(EnvoyFilterChain), typeof(EnvoyIntention))]
public sealed class GetEnvoyListenerCommand : EnvoyConfigDumpCmdlet
{
    /// <summary>Listener names to keep (wildcards: <c>public_listener*</c>).</summary>
    [Parameter]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Name { get; set; }

    /// <summary>Writes each listener's filter chains (match, target, stat prefix) instead of the listeners.</summary>
    [Parameter]
    public SwitchParameter FilterChain { get; set; }

    /// <summary>Writes the intentions the listeners' RBAC filters enforce instead of the listeners.</summary>
    [Parameter]
    public SwitchParameter Intention { get; set; }

    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        if (FilterChain && Intention)
        {
            ThrowTerminatingError(NewErrorRecord(ErrorIds.ConflictingParameters, "-FilterChain and -Intention ask for different objects; use one of them.", "FilterChain"));
        }
    }

    protected override IReadOnlyList<object> Results(EnvoyConfigDump dump)
    {
        var patterns = Name?.Select(n => new WildcardPattern(n, WildcardOptions.IgnoreCase)).ToList();
        var listeners = dump.Listeners.Where(l => patterns is null || patterns.Any(p => p.IsMatch(l.Name))).ToList();
        if (FilterChain)
            return listeners.SelectMany(l => l.FilterChains).ToList<object>();
        return Intention ? listeners.SelectMany(l => l.Intentions).ToList<object>() : listeners.ToList<object>();
    }
}
