using MeshOps.Model;
using MeshOps.Rules.Catalog;
using MeshOps.Rules.Checks;
using MeshOps.Rules.Intentions;

namespace MeshOps.Paths.Hops;

/// <summary>
/// The intention decision for the pair, as Consul evaluates it, with the intention that matched and where it is
/// written. A call the source writes is judged by MESH201's findings; a pair with no written call is judged here by
/// the same check (<see cref="CallDeniedByIntentionsCheck"/>), so there is one decision either way.
/// </summary>
internal sealed class IntentionHop : IHopCheck
{
    public PathHopName Name => PathHopName.Intention;

    public HopInputs? Inputs(PathContext path) => null;

    public HopJudgement Judge(PathContext path)
    {
        var (source, destination) = (path.Source, path.Destination);
        var confirm = $"consul intention check {source.ConsulName} {destination.ConsulName}";
        if (!source.Resolved)
        {
            return new HopJudgement(PathHopStatus.Skipped, ["the source did not resolve"], "the source did not resolve", "", "");
        }

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

        var settings = path.Model.Settings.DefaultPolicy;
        var decision = Decide(path);
        var origin = decision.Match?.Origin as IntentionOrigin;
        string[] evidence = [origin is not null
            ? $"{origin.LocationOfSource(decision.Match!.SourceIndex)}: matched {decision.Match} in {origin}"
            : $"no intention matches {source.ConsulName} -> {destination.ConsulName}: the default policy decides, {settings}"];
        if (path.Edges.Count > 0)
        {
            return new HopJudgement(PathHopStatus.Pass, evidence, "", "", confirm);
        }

        var call = new IntentionCheckedCall(
            source.ConsulName, destination.ConsulName, path.Model.Protocols.For(destination.Namespace, destination.ConsulName).Value,
            "the traced path", source.Namespace, decision, origin?.ToString(), settings.Origin);
        if (CallDeniedByIntentionsCheck.Check(call) is not { } verdict)
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

    /// <summary>The decision Consul's evaluation gives the pair under the mesh's default policy.</summary>
    public static IntentionDecision Decide(PathContext path) => Decide(path.Model, path.Source.ConsulName, path.Destination.ConsulName);

    /// <summary>
    /// The same decision for two Consul service names, as <c>consul intention check</c> is asked; Test-MeshIntention
    /// shares it so a path and an intention check never decide one pair twice.
    /// </summary>
    public static IntentionDecision Decide(MeshModel model, string sourceConsulName, string destinationConsulName) =>
        // consul-k8s CE registers every Kubernetes namespace's services in Consul namespace "default".
        model.Intentions.Check(Identity(sourceConsulName), Identity(destinationConsulName), Fallback(model));

    /// <summary>What decides a call no intention matches: the mesh's default policy.</summary>
    public static DefaultDecision Fallback(MeshModel model) =>
        model.Settings.DefaultPolicy.Value == DefaultPolicy.Deny ? DefaultDecision.Deny : DefaultDecision.Allow;

    public static ServiceIdentity Identity(string consulName) => new(ConsulNames.DefaultNamespace, consulName);
}
