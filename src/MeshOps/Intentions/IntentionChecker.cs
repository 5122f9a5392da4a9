using System.Globalization;
using MeshOps.Analysis;
using MeshOps.Model;
using MeshOps.Paths;
using MeshOps.Paths.Hops;
using MeshOps.Rules.Intentions;
using MeshOps.Sources;

namespace MeshOps.Intentions;

/// <summary>
/// Answers <c>consul intention check</c> over a model (manifests or a cluster read), with the intention that decided.
/// The decision is the intention hop's, with both sides placed in Consul namespaces as the hop and MESH201 place them
/// (<see cref="CallerNamespaces"/>), so a trace and a check never disagree; an L7 match is then judged per request by
/// the same evaluator's permissions.
/// </summary>
public static class IntentionChecker
{
    /// <summary>
    /// Checks manifests (files or a cluster read) as the analyzer reads them: an object written twice counts once, and
    /// a ServiceIntentions update the consul-k8s webhook refuses (MESH207) leaves the copy stored before it deciding.
    /// Findings on the deciding ServiceIntentions become notes.
    /// </summary>
    public static IntentionCheckResult Check(ManifestSet manifests, string source, string destination, DescribedRequest? request = null, CancellationToken cancellationToken = default)
    {
        var (findings, model) = MeshAnalyzer.AnalyzeWithModel(manifests, cancellationToken: cancellationToken);
        return Check(model, source, destination, request, findings);
    }

    /// <param name="source">The calling service as Consul names it, or <c>name.namespace</c> with the Kubernetes
    /// namespace it runs in (as Test-MeshPath reads it), which places it in a Consul namespace on Enterprise.</param>
    /// <param name="findings">The analysis of the same inputs: its findings on the deciding ServiceIntentions become notes
    /// (Consul refusing the entry, MESH203, changes what Consul enforces).</param>
    public static IntentionCheckResult Check(MeshModel model, string source, string destination, DescribedRequest? request = null, AnalysisReport? findings = null) =>
        Placed(model, source, destination, request, findings).Result;

    /// <summary>
    /// The check with the decision it rests on (null when the Consul namespaces the inputs leave open decide it) and the
    /// names Consul's own check is asked with (<c>ns/name</c> with Enterprise namespaces on).
    /// </summary>
    internal static (IntentionCheckResult Result, IntentionDecision? Decision, string AskSource, string AskDestination) Placed(
        MeshModel model, string source, string destination, DescribedRequest? request, AnalysisReport? findings)
    {
        ArgumentNullException.ThrowIfNull(model);
        var (sourceName, sourceNamespace) = Place(model, source);
        var (destinationName, destinationNamespace) = Place(model, destination);
        var namespaces = model.CallerNamespaces;
        var placed = namespaces.Judge(
            sourceNamespace, sourceName, destinationNamespace, destinationName,
            (s, d) => Evaluate(model, s, d, destinationNamespace, request),
            evaluated => evaluated.Result.Decision);
        var (result, decision) = placed.Value;
        var (askSource, askDestination) = (namespaces.ForConsul(placed.Source), namespaces.ForConsul(placed.Destination));
        if (!placed.Settled)
        {
            // Nothing decided, so no intention is named as the decider; both pairs' deciders are in the explanation.
            var undecided = namespaces.Undecided(placed, evaluated => $"{evaluated.Result.Decision} ({evaluated.Result.DecidedBy})");
            return (Undecided(result) with { Explanation = undecided, Notes = [.. result.Notes, undecided] }, null, askSource, askDestination);
        }

        var notes = FindingsOn((decision.Match?.Origin as IntentionOrigin)?.Resource, findings)
            .Prepend(namespaces.Everywhere(sourceName, destinationName))
            .OfType<string>();
        return (result with { Notes = [.. result.Notes, .. notes] }, decision, askSource, askDestination);
    }

    private static IntentionCheckResult Undecided(IntentionCheckResult result) => result with
    {
        Decision = IntentionCheckDecision.Unknown,
        DecidedBy = "the Consul namespaces, which no consul-k8s Helm values place (see Notes)",
        DefaultApplied = false,
        IntentionName = null,
        IntentionNamespace = null,
        IntentionDestination = null,
        SourceEntry = null,
        SourceIndex = null,
        Action = null,
        Precedence = null,
        Location = null,
        PermissionIndex = null,
    };

    /// <summary>The Consul service name and the Kubernetes namespace it runs in: as written, else where the inputs run it.</summary>
    private static (string Name, string Namespace) Place(MeshModel model, string written)
    {
        var (name, ns) = ServiceAddress.Split(written);
        return (name, ns ?? PathEndResolver.Resolve(model, name, null).Namespace);
    }

    /// <summary>The check for one placed pair: the intention hop's decision, then the request its L7 permissions judge.</summary>
    private static (IntentionCheckResult Result, IntentionDecision Decision) Evaluate(
        MeshModel model, ServiceIdentity source, ServiceIdentity destination, string destinationKubernetesNamespace, DescribedRequest? request)
    {
        var namespaces = model.CallerNamespaces;
        var decision = IntentionHop.Decide(model, source, destination);
        var fallback = IntentionHop.Fallback(model);
        var policy = model.Settings.DefaultPolicy;
        var defaultText = $"{Word(fallback == DefaultDecision.Allow)}: {policy.Origin}";
        var result = new IntentionCheckResult
        {
            Source = source.Name,
            Destination = destination.Name,
            SourceNamespace = source.Namespace,
            DestinationNamespace = destination.Namespace,
            Decision = decision.Allowed ? IntentionCheckDecision.Allowed : IntentionCheckDecision.Denied,
            DecidedBy = $"the default policy ({defaultText})",
            DefaultApplied = true,
            Default = defaultText + (policy.Assumed ? " (assumed: no consul-k8s Helm values among the inputs)" : ""),
            Request = request?.ToString(),
            Explanation = decision.Explanation,
            Matches = [.. model.Intentions.Match(source, destination).Select(m => $"{m} in {Where(m)}")],
            Notes = Unregistered(model, source.Name, destination.Name),
            Confirm = $"consul intention check {namespaces.ForConsul(source)} {namespaces.ForConsul(destination)}",
        };
        if (decision.Match is not { } match)
        {
            return (policy.Assumed
                ? result with
                {
                    Decision = IntentionCheckDecision.Unknown,
                    DecidedBy = "nothing read: no intention matches, and the default policy is not among the inputs",
                    Notes = [.. result.Notes, $"No consul-k8s Helm values were read, so the default is unknown: Consul denies the call when ACLs are enabled (default deny) and allows it when they are not. Give the values file with -Path, or check the cluster (no -Path); assumed here: {defaultText}."],
                }
                : result, decision);
        }

        return (Decided(model, result, decision, match, source, destination, destinationKubernetesNamespace, request, fallback), decision);
    }

    private static IntentionCheckResult Decided(
        MeshModel model, IntentionCheckResult result, IntentionDecision decision, MatchedIntention match,
        ServiceIdentity source, ServiceIdentity destination, string destinationKubernetesNamespace, DescribedRequest? request, DefaultDecision fallback)
    {
        var resource = (match.Origin as IntentionOrigin)?.Resource;
        result = result with
        {
            DefaultApplied = false,
            DecidedBy = $"ServiceIntentions {resource?.Name ?? match.Entry.DestinationName} sources[{match.SourceIndex.ToString(CultureInfo.InvariantCulture)}]: {match}",
            IntentionName = resource?.Name,
            IntentionNamespace = resource?.Namespace,
            IntentionDestination = match.Entry.DestinationName,
            SourceEntry = match.Source.Name,
            SourceIndex = match.SourceIndex,
            Action = match.IsL7 ? "L7" : match.Source.Action == IntentionAction.Deny ? "deny" : "allow",
            Precedence = match.Precedence,
            Location = LocationOf(match),
        };
        if (!match.IsL7)
        {
            return request is null ? result : result with { Explanation = $"{decision.Explanation} An L4 intention decides every request alike." };
        }

        var protocol = model.Protocols.For(destinationKubernetesNamespace, result.Destination);
        if (!protocol.IsL7)
        {
            // Decided as written, as for every entry Consul refuses (MESH203): the Consul server refuses this one (state/
            // config_entry.go: "incompatible with L7 intentions permissions"), and rbac.go denies an L7 intention that
            // slips through to a tcp listener. Live, Consul's own answer stands beside it.
            return result with
            {
                Decision = IntentionCheckDecision.Denied,
                Explanation = $"{decision.Explanation} {result.Destination} speaks {protocol}: the Consul server refuses the whole ServiceIntentions "
                    + "that holds this intention (MESH204), so Consul decides by its other intentions or its default policy. Denied is the intention as "
                    + "written, which Envoy would apply to every connection.",
            };
        }

        if (request is null)
        {
            return result with
            {
                Decision = IntentionCheckDecision.DependsOnRequest,
                Explanation = $"Matched L7 intention {match}: each request is judged by its permissions ({Permissions(match)}); Consul's check prints Denied for it. Give -Method, -PathInfo or -Header to judge one request.",
            };
        }

        var judged = model.Intentions.EvaluateRequest(source, destination, request.Attributes, fallback);
        if (request.Undecided(match.Source.Permissions, judged.PermissionIndex) is { } undecided)
        {
            return result with
            {
                Decision = IntentionCheckDecision.DependsOnRequest,
                PermissionIndex = undecided.Index,
                Explanation = $"Matched L7 intention {match}: {undecided}, which the request does not describe ({Permissions(match)}); "
                    + $"with {request} it would be {Word(judged.Allowed)}, a guess. Give {Options(undecided)} to decide.",
            };
        }

        return result with
        {
            Decision = judged.Allowed ? IntentionCheckDecision.Allowed : IntentionCheckDecision.Denied,
            PermissionIndex = judged.PermissionIndex,
            Explanation = judged.Explanation,
        };
    }

    private static string Where(MatchedIntention match) =>
        match.Origin is IntentionOrigin { Resource: var resource } ? $"ServiceIntentions {resource.Name} ({LocationOf(match)})" : "ServiceIntentions";

    /// <summary>file:line of the deciding sources[] item, or, for an object read from a cluster, that object.</summary>
    private static string? LocationOf(MatchedIntention match)
    {
        if (match.Origin is not IntentionOrigin origin)
        {
            return null;
        }

        if (origin.Resource.Origin is ObjectOrigin read)
        {
            return $"{read} spec.sources[{match.SourceIndex.ToString(CultureInfo.InvariantCulture)}]";
        }

        var location = origin.LocationOfSource(match.SourceIndex).ForOutput();
        return location.Line > 0 ? $"{location.File}:{location.Line.ToString(CultureInfo.InvariantCulture)}" : location.File;
    }

    private static string Permissions(MatchedIntention match) =>
        string.Join("; ", match.Source.Permissions.Select((p, i) => $"[{i.ToString(CultureInfo.InvariantCulture)}] {Word(p.Action == IntentionAction.Allow)} {Criteria(p.Http)}"));

    private static string Criteria(HttpPermission? http) =>
        http is null
            ? "(no HTTP criteria)"
            : string.Join(" ", new[] { http.PathExact, http.PathPrefix is null ? null : http.PathPrefix + "*", http.PathRegex is null ? null : "~" + http.PathRegex }
                .Concat(http.Methods.Select(m => m.ToUpperInvariant()))
                .Concat(http.Headers.Select(h => "header " + h.Name))
                .OfType<string>());

    private static IEnumerable<string> FindingsOn(ManifestResource? resource, AnalysisReport? findings) =>
        resource is null || findings is null
            ? []
            : findings.Findings
                .Where(f => f.Resource.Kind == resource.Kind && f.Resource.Name == resource.Name
                    && MeshModelBuilder.NamespaceOf(resource) == (f.Resource.Namespace ?? MeshModelBuilder.NamespaceOf(resource)))
                .Select(f => $"{f.RuleId} on the deciding ServiceIntentions ({f.Location}): {f.Message}");

    /// <summary>consul intention check answers for any name; a name the inputs never register is most often a typo.</summary>
    private static IReadOnlyList<string> Unregistered(MeshModel model, params string[] names) =>
        [.. names.Where(n => n != ConsulNames.Wildcard && !model.ConsulServiceNames.Contains(n))
            .Distinct(StringComparer.Ordinal)
            .Select(n => $"no service named {n} registers in Consul in what was read; the answer is for the name as written")];

    private static string Options(UndecidedPermission undecided) =>
        string.Join(" and ", undecided.Parts.Select(p => p switch { "method" => "-Method", "path" => "-PathInfo", _ => "-Header" }));

    private static string Word(bool allowed) => allowed ? "allow" : "deny";
}
