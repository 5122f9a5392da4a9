using MeshOps.Sources;
using MeshOps.Model;
using MeshOps.Rules.Checks;

namespace MeshOps.Analysis.Rules;

/// <summary>Why a service must be speaking a TCP (non-HTTP) protocol: its port, its image, or how callers connect.</summary>
internal sealed record TcpEvidence(string Reason, ManifestResource Resource, SourceLocation Location)
{
    public static TcpEvidence? Find(KubernetesService service, IEnumerable<CallEdge> callers)
    {
        var facts = Facts(service, callers);
        return HttpProtocolOnTcpServiceCheck.FindTcpEvidence(facts.Facts) is { } found ? facts.Locate(found) : null;
    }

    /// <summary>The service's ports, images and callers as plain facts, and the way back from a fact to where it is written.</summary>
    public static LocatedTcpFacts Facts(KubernetesService service, IEnumerable<CallEdge> callers)
    {
        var containers = service.Workloads
            .SelectMany(w => (w.PodSpec.Containers ?? []).Select((container, index) => (Workload: w, Container: container, Index: index)))
            .ToList();
        var edges = callers.ToList();
        var facts = new TcpFacts(
            service.Name,
            service.Ports.Select(p => p.Port).ToList(),
            containers.Select(c => new RunningImage(c.Workload.ToString(), c.Container.Image)).ToList(),
            edges.Select(e => new ServiceCaller(e.Source.ToString(), e.Scheme, e.WrittenAt)).ToList());
        return new LocatedTcpFacts(facts, found => found.Kind switch
        {
            TcpEvidenceKind.Port => new TcpEvidence(found.Reason, service.Resource, service.Resource.LocationOf("spec", "ports", found.Index, "port")),
            TcpEvidenceKind.Image => new TcpEvidence(found.Reason, containers[found.Index].Workload.Resource, containers[found.Index].Workload.LocationOfPodField("containers", containers[found.Index].Index, "image")),
            _ => new TcpEvidence(found.Reason, edges[found.Index].WrittenIn, edges[found.Index].Location),
        });
    }
}

/// <summary>TCP facts of a service and how to find the manifest location of the one that is evidence.</summary>
internal sealed record LocatedTcpFacts(TcpFacts Facts, Func<TcpEvidenceFound, TcpEvidence> Locate);
