using System.Management.Automation;
using MeshOps.Envoy.Config;
using MeshOps.PowerShell.Infrastructure;

namespace MeshOps.PowerShell.Commands;

/// <summary>
/// The HTTP routes of each sidecar from <c>/config_dump</c>, one object per route: its route configuration (from RDS,
/// or inline in a listener), virtual host and domains, what it matches and the cluster (or split) it sends to.
/// </summary>
[Cmdlet(VerbsCommon.Get, "EnvoyRoute", DefaultParameterSetName = PodSet)]
[OutputType(typeof(EnvoyRoute))]
public sealed class GetEnvoyRouteCommand : EnvoyConfigDumpCmdlet
{
    /// <summary>Route configuration names to keep (wildcards).</summary>
    [Parameter]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? RouteConfiguration { get; set; }

    /// <summary>Keeps the routes that send to this Consul service (its cluster, or one of a split's).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ServiceNameCompleter))]
    public string? DestinationService { get; set; }

    protected override IReadOnlyList<object> Results(EnvoyConfigDump dump)
    {
        var patterns = RouteConfiguration?.Select(n => new WildcardPattern(n, WildcardOptions.IgnoreCase)).ToList();
        return dump.Routes
            .Where(r => patterns is null || patterns.Any(p => p.IsMatch(r.RouteConfiguration)))
            .Where(r => DestinationService is null || SendsTo(r, DestinationService))
            .ToList<object>();
    }

    private static bool SendsTo(EnvoyRoute route, string service) =>
        route.Destination?.Reaches(service) == true || route.WeightedClusters.Any(w => w.Destination.Reaches(service));
}
