using k8s.Models;
using MeshOps.Model;

namespace MeshOps.Paths.Hops;

/// <summary>
/// What every hop check reads: the model, the two ends, the calls the source writes to the destination, the port asked
/// for (or dialled) and the Service port it is (null when the Service exposes no such port or none was named).
/// </summary>
internal sealed record PathContext(MeshModel Model, PathEnd Source, PathEnd Destination, IReadOnlyList<CallEdge> Edges, int? Port, V1ServicePort? ServicePort)
{
    public string Namespace => Destination.Namespace;

    /// <summary>The Consul namespaces the two ends are placed in, as the Intention hop places them; live reads ask Consul there.</summary>
    public (Rules.Intentions.ServiceIdentity Source, Rules.Intentions.ServiceIdentity Destination) ConsulPlacement =>
        Model.CallerNamespaces.Likely(Source.Namespace, Source.ConsulName, Destination.Namespace, Destination.ConsulName);
}

/// <summary>
/// A hop's verdict from the model alone, before the findings of the rule catalogue are laid over it. Summary is the
/// short reason the verdict line quotes.
/// </summary>
internal sealed record HopJudgement(PathHopStatus Status, IReadOnlyList<string> Evidence, string Summary, string Fix, string Confirm)
{
    public IReadOnlyList<string> RuleIds { get; init; } = [];
}

/// <summary>One hop's check over the model; the findings that concern the hop are merged by the tracer.</summary>
internal interface IHopCheck
{
    PathHopName Name { get; }

    HopJudgement Judge(PathContext path);

    /// <summary>
    /// What <see cref="Judge"/> reads besides the model; null when it reads the calls or both ends, which -All traces once
    /// per port, so a shared judgement would seldom be asked for again.
    /// </summary>
    HopInputs? Inputs(PathContext path);
}
