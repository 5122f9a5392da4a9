using System.Globalization;
using MeshOps.Analysis;
using MeshOps.Model;
using MeshOps.Paths.Hops;
using MeshOps.Rules.Intentions;
using MeshOps.Sources;

namespace MeshOps.Intentions;

/// <summary>
/// Answers <c>consul intention check</c> over a model (manifests or a cluster read), with the intention that decided.
/// The decision is the intention hop's (<see cref="IntentionHop.Decide(MeshModel, string, string)"/>), so a trace and a
/// check never disagree; an L7 match is then judged per request by the same evaluator's permissions.
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

    /// <summary>
    /// Checks every question against one analysis of the manifests (Test-MeshIntention given a CSV of pairs), in order.
    /// </summary>
    public static IReadOnlyList<IntentionCheckResult> Check(ManifestSet manifests, IReadOnlyList<IntentionQuestion> questions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(questions);
        var (findings, model) = MeshAnalyzer.AnalyzeWithModel(manifests, cancellationToken: cancellationToken);
        return [.. questions.Select(q => Check(model, q.Source, q.Destination, q.Request, findings))];
    }

    /// <param name="findings">The analysis of the same inputs: its findings on the deciding ServiceIntentions become notes
    /// (Consul refusing the entry, MESH203, changes what Consul enforces).</param>
    public static IntentionCheckResult Check(MeshModel model, string source, string destination, DescribedRequest? request = null, AnalysisReport? findings = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        var decision = IntentionHop.Decide(model, source, destination);
        var fallback = IntentionHop.Fallback(model);
        var policy = model.Settings.DefaultPolicy;
        var defaultText = $"{Word(fallback == DefaultDecision.Allow)}: {policy.Origin}";
        var result = new IntentionCheckResult
        {
            Source = source,
            Destination = destination,
            Decision = decision.Allowed ? IntentionCheckDecision.Allowed : IntentionCheckDecision.Denied,
            DecidedBy = $"the default policy ({defaultText})",
            DefaultApplied = true,
            Default = defaultText + (policy.Assumed ? " (assumed: no consul-k8s Helm values among the inputs)" : ""),
            Request = request?.ToString(),
            Explanation = decision.Explanation,
            Matches = [.. model.Intentions.Match(IntentionHop.Identity(source), IntentionHop.Identity(destination)).Select(m => $"{m} in {Where(m)}")],
            Notes = Unregistered(model, source, destination),
            Confirm = $"consul intention check {source} {destination}",
        };
        if (decision.Match is not { } match)
        {
            return policy.Assumed
                ? result with
                {
                    Decision = IntentionCheckDecision.Unknown,
                    DecidedBy = "nothing read: no intention matches, and the default policy is not among the inputs",
                    Notes = [.. result.Notes, $"No consul-k8s Helm values were read, so the default is unknown: Consul denies the call when ACLs are enabled (default deny) and allows it when they are not. Give the values file with -Path, or check the cluster (no -Path); assumed here: {defaultText}."],
                }
                : result;
        }

        var decided = Decided(model, result, decision, match, request, fallback);
        return decided with { Notes = [.. decided.Notes, .. FindingsOn((match.Origin as IntentionOrigin)?.Resource, findings)] };
    }

    private static IntentionCheckResult Decided(MeshModel model, IntentionCheckResult result, IntentionDecision decision, MatchedIntention match, DescribedRequest? request, DefaultDecision fallback)
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

        var protocol = model.Protocols.For(ConsulNames.DefaultNamespace, result.Destination);
        if (!protocol.IsL7)
        {
            // agent/xds/rbac.go: "In case L7 intentions slip through to here, treat them as deny intentions".
            return result with
            {
                Decision = IntentionCheckDecision.Denied,
                Explanation = $"{decision.Explanation} {result.Destination} speaks {protocol}, so Envoy treats the L7 intention as deny for every connection (MESH204).",
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

        var judged = model.Intentions.EvaluateRequest(IntentionHop.Identity(result.Source), IntentionHop.Identity(result.Destination), request.Attributes, fallback);
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
