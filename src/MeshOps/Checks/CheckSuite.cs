using MeshOps.Graph;
using MeshOps.Model;
using MeshOps.Rules.Intentions;

namespace MeshOps.Checks;

/// <summary>A call a check suite expects to work: the destination as Test-MeshPath takes it, and the port when the call is made on several.</summary>
public sealed record CheckSuiteCall(string To, int? Port);

/// <summary>A pair the suite leaves unchecked, with why (an L7 intention decides per request, or a wildcard allows it without a call).</summary>
public sealed record CheckSuiteException(string To, string Reason);

/// <summary>
/// What one source service is expected to do: reach each call it is allowed to make, and be denied by every other mesh
/// service (zero trust) except the ones <see cref="Unchecked"/> names.
/// </summary>
/// <param name="Service">The service as Test-MeshPath takes it: name, or name.namespace outside "default".</param>
/// <param name="ConsulName">The service as Consul and Test-MeshIntention name it.</param>
public sealed record CheckSuiteSource(string Service, string ConsulName, IReadOnlyList<CheckSuiteCall> Reachable, IReadOnlyList<CheckSuiteException> Unchecked)
{
    /// <summary>Consul names of the services this source may reach or that are not checked: the rest must deny it.</summary>
    public IReadOnlyList<string> NotDenied { get; init; } = [];
}

/// <summary>
/// The intention matrix of a mesh as checks: every mesh service of the graph with the calls an intention allows and the
/// services that must deny it. Built from the mesh graph (the edges Test-MeshPath -All traces), so the suite expects
/// exactly what the graph draws as allowed. Sorted, so a suite regenerated from the same manifests is the same text.
/// </summary>
public sealed record CheckSuite(IReadOnlyList<string> Services, IReadOnlyList<CheckSuiteSource> Sources)
{
    public static CheckSuite Build(MeshModel model, MeshGraph graph)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(graph);
        var mesh = graph.Nodes.Where(n => n.Kind == MeshGraphNodeKind.MeshService).OrderBy(n => n.ToString(), StringComparer.Ordinal).ToList();
        var services = mesh.Select(n => n.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var edgesFrom = graph.Edges.Where(e => e.To.Kind == MeshGraphNodeKind.MeshService).ToLookup(e => e.From);
        var sources = mesh.Select(node => Source(model, [.. edgesFrom[node]], node, services)).ToList();
        return new CheckSuite(services, sources);
    }

    private static CheckSuiteSource Source(MeshModel model, List<MeshGraphEdge> edges, MeshGraphNode from, IReadOnlyList<string> services)
    {
        var reachable = edges
            .Where(e => e.Decision == MeshGraphDecision.Allowed)
            .SelectMany(e => e.Ports.Count > 1 ? e.Ports.Select(p => new CheckSuiteCall(e.To.ToString(), p)) : [new CheckSuiteCall(e.To.ToString(), null)])
            .OrderBy(c => c.To, StringComparer.Ordinal).ThenBy(c => c.Port)
            .ToList();
        var notChecked = edges
            .Where(e => e.Decision == MeshGraphDecision.DependsOnRequest)
            .Select(e => new CheckSuiteException(e.To.ToString(), "an L7 intention decides each request"))
            .ToList();
        var allowedNames = edges.Where(e => e.Decision is MeshGraphDecision.Allowed or MeshGraphDecision.DependsOnRequest).Select(e => e.To.Name).ToHashSet(StringComparer.Ordinal);

        // The graph draws allowed pairs only between named services; a wildcard intention ("*") can allow a pair no call
        // shows. Such a pair is not denied, so expecting a deny would fail the suite on the very manifests it came from.
        // The default policy is taken as deny: the suite states zero trust, and a cluster that allows by default fails it.
        var source = new ServiceIdentity(ConsulNames.DefaultNamespace, from.Name);
        foreach (var name in services.Where(n => n != from.Name && !allowedNames.Contains(n)))
        {
            var decision = model.Intentions.Check(source, new ServiceIdentity(ConsulNames.DefaultNamespace, name), DefaultDecision.Deny);
            if (decision.IsL7 || decision.Allowed)
            {
                notChecked.Add(new CheckSuiteException(name, decision.IsL7 ? "an L7 intention decides each request" : "an intention allows it and no call is written to check"));
                allowedNames.Add(name);
            }
        }

        allowedNames.Add(from.Name);
        return new CheckSuiteSource(from.ToString(), from.Name, reachable, [.. notChecked.OrderBy(u => u.To, StringComparer.Ordinal)])
        {
            NotDenied = [.. allowedNames.Order(StringComparer.Ordinal)],
        };
    }
}
