using MeshOps.Model;
using MeshOps.Rules.Catalog;
using MeshOps.Rules.Checks;
using MeshOps.Rules.Intentions;

namespace MeshOps.Paths.Hops;

/// <summary>
/// The intention decision for the pair, as Consul evaluates it, with the intention that matched and where it is
/// written. A call the source writes is judged by MESH201's findings; a pair with no written call is judged here by
/// the same check (<see cref="CallDeniedByIntentionsCheck"/>), so there is one decision either way. Both sides are
/// placed in Consul namespaces as MESH201 places them (<see cref="CallerNamespaces"/>): when the namespaces the inputs
/// leave open would decide differently, the hop is Unknown rather than a guess.
/// </summary>
internal sealed class IntentionHop : IHopCheck
{
    public PathHopName Name => PathHopName.Intention;

    public HopInputs? Inputs(PathContext path) => null;

    public HopJudgement Judge(PathContext path)
    {
        var (source, destination) = (path.Source, path.Destination);
        var namespaces = path.Model.CallerNamespaces;
        if (!source.Resolved)
        {
            return new HopJudgement(PathHopStatus.Skipped, ["the source did not resolve"], "the source did not resolve", "", "");
        }

        var placed = namespaces.Judge(
            source.Namespace, source.ConsulName, destination.Namespace, destination.ConsulName,
            (s, d) =>
            {
                var decision = Decide(path.Model, s, d);
                return (Decision: decision, Verdict: Verdict(path, decision));
            },
            judged => judged.Verdict is null);
        var confirm = $"consul intention check {namespaces.ForConsul(placed.Source)} {namespaces.ForConsul(placed.Destination)}";
        if (!source.Workloads.Any(w => w.InMesh) || !destination.Workloads.Any(w => w.InMesh))
        {
            var outside = source.Workloads.Any(w => w.InMesh) ? destination : source;
            return new HopJudgement(
                PathHopStatus.Skipped,
                [$"{outside} does not join the mesh: intentions apply only between mesh services"],
                $"{outside} is outside the mesh",
                "",
                confirm);
        }

        var (decision, verdict) = placed.Value;
        List<string> evidence = [Evidence(path, namespaces, placed.Source, placed.Destination, decision)];
        if (!placed.Settled)
        {
            evidence.Add(namespaces.Undecided(placed, judged => Word(judged.Decision)));
            return new HopJudgement(
                PathHopStatus.Unknown,
                evidence,
                "the Consul namespaces decide, and no Helm values were read",
                "Give the consul-k8s Helm values file (global.enableConsulNamespaces, connectInject.consulNamespaces) with -Path.",
                confirm);
        }

        if (namespaces.Everywhere(source.ConsulName, destination.ConsulName) is { } everywhere)
        {
            evidence.Add(everywhere);
        }

        if (path.Edges.Count > 0 || verdict is null)
        {
            return new HopJudgement(PathHopStatus.Pass, evidence, "", "", confirm);
        }

        return new HopJudgement(
            verdict.Severity == Severity.Error ? PathHopStatus.Fail : PathHopStatus.Warn,
            [.. evidence, verdict.Message],
            $"{verdict.Rule.Id} {verdict.Rule.Title}",
            verdict.Fix,
            verdict.Confirm) { RuleIds = [verdict.Rule.Id] };
    }

    /// <summary>
    /// The decision Consul's evaluation gives the path's pair under the mesh's default policy; null when the Consul
    /// namespaces, which the inputs leave open, would decide it differently.
    /// </summary>
    public static IntentionDecision? Decide(PathContext path)
    {
        var placed = Decide(path.Model, path.Source.Namespace, path.Source.ConsulName, path.Destination.Namespace, path.Destination.ConsulName);
        return placed.Settled ? placed.Value : null;
    }

    /// <summary>
    /// The same decision for two Consul service names in the Kubernetes namespaces of their workloads, with the Consul
    /// namespaces each side was placed in; Test-MeshIntention and the graph share it so a path, a check and a graph
    /// never decide one pair twice.
    /// </summary>
    public static Placed<IntentionDecision> Decide(MeshModel model, string sourceNamespace, string sourceConsulName, string destinationNamespace, string destinationConsulName) =>
        model.CallerNamespaces.Judge(sourceNamespace, sourceConsulName, destinationNamespace, destinationConsulName, (s, d) => Decide(model, s, d), Outcome);

    /// <summary>The decision for one placed pair, as <c>consul intention check</c> is asked.</summary>
    public static IntentionDecision Decide(MeshModel model, ServiceIdentity source, ServiceIdentity destination) =>
        model.Intentions.Check(source, destination, Fallback(model));

    /// <summary>
    /// What two namespace pairs must share to be one answer: Consul's allow or deny, and for an L7 intention the same
    /// permissions (each request is judged by them).
    /// </summary>
    public static (bool Allowed, IntentionSource? Permissions) Outcome(IntentionDecision decision) =>
        (decision.Allowed, decision.IsL7 ? decision.Match!.Source : null);

    /// <summary>What decides a call no intention matches: the mesh's default policy.</summary>
    public static DefaultDecision Fallback(MeshModel model) =>
        model.Settings.DefaultPolicy.Value == DefaultPolicy.Deny ? DefaultDecision.Deny : DefaultDecision.Allow;

    private static RuleVerdict? Verdict(PathContext path, IntentionDecision decision)
    {
        if (!CallDeniedByIntentionsCheck.CanDeny(decision))
        {
            return null;
        }

        var (source, destination) = (path.Source, path.Destination);
        var settings = path.Model.Settings.DefaultPolicy;
        return CallDeniedByIntentionsCheck.Check(new IntentionCheckedCall(
            source.ConsulName, destination.ConsulName, path.Model.Protocols.For(destination.Namespace, destination.ConsulName).Value,
            "the traced path", source.Namespace, decision, (decision.Match?.Origin as IntentionOrigin)?.ToString(), settings.Origin));
    }

    private static string Evidence(PathContext path, CallerNamespaces namespaces, ServiceIdentity source, ServiceIdentity destination, IntentionDecision decision)
    {
        var pair = namespaces.Named ? $" for {namespaces.Describe(source, destination)}" : "";
        return decision.Match?.Origin is IntentionOrigin origin
            ? $"{origin.LocationOfSource(decision.Match.SourceIndex)}: matched {decision.Match} in {origin}{pair}"
            : $"no intention matches {namespaces.Describe(source, destination)}: the default policy decides, {path.Model.Settings.DefaultPolicy}";
    }

    private static string Word(IntentionDecision decision) =>
        (decision.IsL7 ? "left to the permissions of" : decision.Allowed ? "allowed by" : "denied by")
        + (decision.Match is { } match ? $" {match}" : " the default policy");
}
