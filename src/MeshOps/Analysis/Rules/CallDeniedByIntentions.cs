using MeshOps.Model;
using MeshOps.Rules.Catalog;
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
        foreach (var edge in model.Edges)
        {
            if (edge.Target is not { InMesh: true } target || !edge.Source.InMesh || !reported.Add((edge.Source, target)))
            {
                continue;
            }

            var sourceName = edge.Source.ConsulServiceName;
            var destinationName = target.ConsulName;
            // consul-k8s CE registers every Kubernetes namespace's services in Consul namespace "default".
            var decision = model.Intentions.Check(
                new ServiceIdentity(ConsulNames.DefaultNamespace, sourceName), new ServiceIdentity(ConsulNames.DefaultNamespace, destinationName), fallback);
            // L7 permissions on a destination without an L7 protocol are MESH204's or MESH302's root cause.
            if (decision.Allowed || (decision.IsL7 && !model.Protocols.For(target.Namespace, destinationName).IsL7))
            {
                continue;
            }

            yield return new RuleHit(
                Descriptor,
                edge.WrittenIn,
                edge.Location,
                [sourceName, destinationName, edge.WrittenAt, Explain(decision, context), edge.Source.Namespace],
                Evidence(decision),
                decision.IsL7 ? Severity.Warning : null);
        }
    }

    private static string Explain(IntentionDecision decision, RuleContext context) => decision.Reason switch
    {
        DecisionReason.MatchedL4Deny when decision.Match!.Origin is IntentionOrigin origin =>
            $"intention {decision.Match} in {origin} denies it",
        DecisionReason.MatchedL7 when decision.Match!.Origin is IntentionOrigin origin =>
            $"the matching intention {decision.Match} in {origin} has L7 permissions, which `consul intention check` reports as deny at L4; only requests matching an allow permission get through",
        DecisionReason.DefaultDeny => $"no intention matches, and the default is deny: {context.Settings.DefaultPolicy.Origin}",
        _ => decision.Explanation,
    };

    private static IReadOnlyList<Evidence> Evidence(IntentionDecision decision) =>
        decision.Match?.Origin is IntentionOrigin origin
            ? [new Evidence(origin.Resource.Ref, origin.LocationOfSource(decision.Match.SourceIndex), $"matched: {decision.Match}")]
            : [];
}
