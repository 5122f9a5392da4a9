using MeshOps.Model;
using MeshOps.Rules.Catalog;
using MeshOps.Rules.Checks;
using MeshOps.Rules.Intentions;

namespace MeshOps.Analysis.Rules;

/// <summary>MESH201: a call between two mesh services that the intentions deny, with the intention that decided.</summary>
internal sealed class CallDeniedByIntentions : IMeshRule
{
    public RuleDescriptor Descriptor => RuleCatalog.CallDeniedByIntentions;

    public IEnumerable<RuleHit> Check(MeshModel model, RuleContext context)
    {
        var fallback = context.Settings.DefaultPolicy.Value == DefaultPolicy.Deny ? DefaultDecision.Deny : DefaultDecision.Allow;
        var reported = new HashSet<(Workload, KubernetesService)>();
        var namespaces = model.CallerNamespaces;
        foreach (var edge in model.Edges)
        {
            // A remote call (peer, other datacenter or partition) has no Target: the intentions that decide it are the
            // other side's, not these.
            if (edge.Target is not { InMesh: true } target || !edge.Source.InMesh || reported.Contains((edge.Source, target)))
            {
                continue;
            }

            var placed = namespaces.Judge(
                edge.Source.Namespace, edge.Source.ConsulServiceName, target.Namespace, target.ConsulName,
                (source, destination) =>
                {
                    var decision = model.Intentions.Check(source, destination, fallback);
                    return (Decision: decision, Verdict: Verdict(model, context, edge, target, decision));
                },
                judged => judged.Verdict is null);
            if (!placed.Settled || placed.Value.Verdict is not { } verdict)
            {
                continue;
            }

            reported.Add((edge.Source, target));
            yield return new RuleHit(Descriptor, edge.WrittenIn, edge.Location, verdict.Args, Evidence(placed.Value.Decision), verdict.SeverityOverride);
        }
    }

    private static RuleVerdict? Verdict(MeshModel model, RuleContext context, CallEdge edge, KubernetesService target, IntentionDecision decision)
    {
        if (!CallDeniedByIntentionsCheck.CanDeny(decision))
        {
            return null;
        }

        var fallback = context.Settings.DefaultPolicy.Value == DefaultPolicy.Deny ? DefaultDecision.Deny : DefaultDecision.Allow;
        return CallDeniedByIntentionsCheck.Check(new IntentionCheckedCall(
            edge.Source.ConsulServiceName, target.ConsulName, model.Protocols.For(target.Namespace, target.ConsulName).Value, edge.WrittenAt, edge.Source.Namespace,
            decision, (decision.Match?.Origin as IntentionOrigin)?.ToString(), context.Settings.DefaultPolicy.Origin, RequestsShown(edge, decision, fallback)));
    }

    /// <summary>
    /// What the deciding L7 intention's permissions say of the requests the call's URL shows (its path, and the method
    /// when a curl command states it). Null when the intention is L4 or the call is no HTTP URL.
    /// </summary>
    private static KnownRequestDecision? RequestsShown(CallEdge edge, IntentionDecision decision, DefaultDecision fallback) =>
        decision is { IsL7: true, Match: { } match } && edge.RequestPath is { } path
            ? KnownRequestEvaluator.Evaluate(match.Source.Permissions, new KnownRequest(path, edge.RequestMethod), fallback)
            : null;

    private static IReadOnlyList<Evidence> Evidence(IntentionDecision decision) =>
        decision.Match?.Origin is IntentionOrigin origin
            ? [new Evidence(origin.Resource.Ref, origin.LocationOfSource(decision.Match.SourceIndex), $"matched: {decision.Match}")]
            : [];
}
