using System.Management.Automation;
using MeshOps.Envoy;
using MeshOps.Envoy.Admin;
using MeshOps.Envoy.Clusters;
using MeshOps.PowerShell.Infrastructure;

namespace MeshOps.PowerShell.Commands;

/// <summary>
/// Reads <c>/clusters</c> of each sidecar: its clusters with their Consul names decoded, and per host the health
/// flags, connect failures, active connections, request counts and success rate. Live it asks for the JSON form;
/// a saved file may hold either form (read from its content).
/// </summary>
[Cmdlet(VerbsCommon.Get, "EnvoyCluster", DefaultParameterSetName = PodSet)]
[OutputType(typeof(EnvoyCluster))]
public sealed class GetEnvoyClusterCommand : EnvoyAdminCmdlet
{
    private WildcardPattern[] _clusters = [];

    /// <summary>Keeps the clusters that reach these Consul services, or whose Envoy name matches (wildcards allowed).</summary>
    [Parameter]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Cluster { get; set; }

    /// <summary>Keeps the clusters with an unhealthy host, or a Consul upstream with no healthy host.</summary>
    [Parameter]
    public SwitchParameter Unhealthy { get; set; }

    protected override void BeginProcessing()
    {
        _clusters = (Cluster ?? []).Select(c => new WildcardPattern(c, WildcardOptions.IgnoreCase)).ToArray();
        base.BeginProcessing();
    }

    protected override async Task<IReadOnlyList<object>> ReadLiveAsync(IEnvoyAdmin admin, CancellationToken cancellationToken)
    {
        var response = await admin.GetAsync("/clusters?format=json", cancellationToken).ConfigureAwait(false);
        return Select(EnvoyClustersJsonParser.Parse(admin.Source, response.Body));
    }

    protected override IReadOnlyList<object> ReadSaved(EnvoySource source, ReadOnlyMemory<byte> content) =>
        Select(SavedOutput.IsJson(content.Span)
            ? EnvoyClustersJsonParser.Parse(source, content)
            : EnvoyClustersTextParser.Parse(source, SavedOutput.Text(content.Span)));

    protected override void WriteResults(EnvoySource source, IReadOnlyList<object> results)
    {
        if (results.Count == 0 && _clusters.Length > 0 && !Unhealthy)
        {
            // An empty answer to "-Cluster payments" must not read as "payments is fine": the sidecar has no route to it.
            WriteWarning($"{source}: no cluster matches -Cluster {string.Join(", ", Cluster!)}. The sidecar has no upstream for it: "
                + "check the pod's consul.hashicorp.com/connect-service-upstreams annotation or, with transparent proxy, the service's intentions and service-defaults.");
        }

        base.WriteResults(source, results);
    }

    private List<object> Select(IReadOnlyList<EnvoyCluster> clusters) =>
        clusters.Where(c => (_clusters.Length == 0 || _clusters.Any(p => Matches(p, c))) && (!Unhealthy || !c.Healthy)).ToList<object>();

    private static bool Matches(WildcardPattern pattern, EnvoyCluster cluster) =>
        pattern.IsMatch(cluster.Name) || (cluster.Service is { } service && pattern.IsMatch(service));
}
