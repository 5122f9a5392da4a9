using System.Net;
using MeshOps.Clients;
using MeshOps.Clients.Consul;
using MeshOps.Paths.Hops;

namespace MeshOps.Paths.Live;

/// <summary>Asks Consul for the destination's mesh instances and for its own intention decision on the pair.</summary>
internal sealed class CatalogProbe(ConsulAccess consul) : ILiveHopProbe
{
    public PathHopName Hop => PathHopName.Catalog;

    public async Task<HopJudgement> ProbeAsync(ResolvedPath path, CancellationToken cancellationToken)
    {
        var context = path.Context;
        var (source, destination) = (context.Source.ConsulName, context.Destination.ConsulName);
        var ours = context.Source.Resolved ? IntentionHop.Decide(context) : null;
        var (connection, problem) = await consul.OpenAsync(cancellationToken).ConfigureAwait(false);
        if (connection is null)
        {
            return CatalogHopJudge.Judge(new CatalogData(source, destination, null, null, ours, problem, null));
        }

        // On Enterprise Consul is asked in each side's own namespace, the pair our decision placed.
        var namespaces = context.Model.CallerNamespaces;
        var (askedSource, askedDestination) = context.ConsulPlacement;
        var destinationNamespace = namespaces.Enterprise ? askedDestination.Namespace : null;
        IReadOnlyList<ConsulServiceHealth>? instances = null;
        bool? allows = null;
        var problems = new List<string>();
        var refused = false;
        try
        {
            instances = await connection.Client.GetConnectHealthAsync(destination, consulNamespace: destinationNamespace, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (EndpointException e)
        {
            problems.Add(e.Message);
            refused |= e.StatusCode == HttpStatusCode.Forbidden;
        }

        try
        {
            allows = await connection.Client.CheckIntentionAsync(namespaces.ForConsul(askedSource), namespaces.ForConsul(askedDestination), cancellationToken).ConfigureAwait(false);
        }
        catch (EndpointException e)
        {
            problems.Add(e.Message);
            refused |= e.StatusCode == HttpStatusCode.Forbidden;
        }

        return CatalogHopJudge.Judge(new CatalogData(source, destination, instances, allows, ours, problems.Count == 0 ? null : string.Join(" ", problems.Distinct()), connection.Via)
        {
            TokenRefused = refused,
            SourceNamespace = namespaces.Enterprise ? askedSource.Namespace : null,
            DestinationNamespace = destinationNamespace,
        });
    }
}
