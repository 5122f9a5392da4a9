using MeshOps.Analysis;
using MeshOps.Clients;
using MeshOps.Clients.Kubernetes;
using MeshOps.Sources;
using MeshOps.Paths.Live;
using MeshOps.Rules.Intentions;

namespace MeshOps.Intentions;

/// <summary>
/// An intention check on a running cluster: our evaluation of the ServiceIntentions read from it, then Consul's own
/// answer (<c>/v1/connect/intentions/check</c>, reached as a live trace reaches it) laid beside it. A Consul that
/// cannot be read makes its part Unknown with the endpoint's message, never an agreement.
/// </summary>
public sealed class LiveIntentionChecker(KubernetesConnection cluster, LivePathOptions options) : IDisposable
{
    private readonly ConsulAccess _consul = new(cluster, options);

    /// <param name="snapshot">The cluster's objects, read once by the caller (LiveSnapshot).</param>
    public async Task<IntentionCheckResult> CheckAsync(ManifestSet snapshot, string source, string destination, DescribedRequest? request, CancellationToken cancellationToken) =>
        (await CheckAsync(snapshot, [new IntentionQuestion(source, destination, request)], cancellationToken).ConfigureAwait(false))[0];

    /// <summary>
    /// Every question against one analysis of the snapshot and one connection to Consul, which is asked once per pair.
    /// </summary>
    public async Task<IReadOnlyList<IntentionCheckResult>> CheckAsync(ManifestSet snapshot, IReadOnlyList<IntentionQuestion> questions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(questions);
        var (findings, model) = MeshAnalyzer.AnalyzeWithModel(snapshot, cancellationToken: cancellationToken);
        var results = new List<IntentionCheckResult>(questions.Count);
        foreach (var (source, destination, request) in questions)
        {
            var (ours, decision, askSource, askDestination) = IntentionChecker.Placed(model, source, destination, request, findings);
            var (connection, problem) = await _consul.OpenAsync(cancellationToken).ConfigureAwait(false);
            bool? allows = null;
            if (connection is not null)
            {
                try
                {
                    // With Enterprise namespaces on, "ns/name" names each side's namespace (Consul's source and
                    // destination naming); on CE, or when the namespaces are unknown, the name alone as before.
                    allows = await connection.Client.CheckIntentionAsync(askSource, askDestination, cancellationToken).ConfigureAwait(false);
                }
                catch (EndpointException e)
                {
                    problem = e.Message;
                }
            }

            results.Add(WithConsul(ours, decision, allows, problem, connection?.Via, (askSource, askDestination)));
        }

        return results;
    }

    /// <summary>Our result with Consul's answer beside it, compared as the Catalog hop compares them.</summary>
    /// <param name="decision">Our decision; null when the Consul namespaces decide it and the inputs do not place them.</param>
    /// <param name="askedAs">The source and destination Consul was asked about; the result's names when not given.</param>
    public static IntentionCheckResult WithConsul(IntentionCheckResult ours, IntentionDecision? decision, bool? consulAllows, string? problem, string? via, (string Source, string Destination)? askedAs = null)
    {
        ArgumentNullException.ThrowIfNull(ours);
        var through = via is null ? "" : $" (through a port-forward to pod {via})";
        var agreement = IntentionComparison.Compare(consulAllows, decision);
        var answer = consulAllows is true ? "Allowed" : "Denied";
        var (source, destination) = askedAs ?? (ours.Source, ours.Destination);
        var asked = $"GET /v1/connect/intentions/check?source={source}&destination={destination}{through}";
        return agreement switch
        {
            IntentionAgreement.NotAsked => ours with
            {
                ConsulAgreement = IntentionAgreement.NotComparable,
                ConsulAllowed = consulAllows,
                Consul = $"{answer} (not compared)",
                ConsulMessage = $"{asked}: Allowed={Flag(consulAllows)}; our answer turns on Consul namespaces the inputs do not place (see Notes), so there is nothing to compare it with",
            },
            IntentionAgreement.Unknown => ours with
            {
                ConsulAgreement = agreement,
                Consul = "Unknown",
                ConsulMessage = $"Consul could not be read{through}: {problem ?? "no answer"}",
            },
            IntentionAgreement.Agrees => ours with
            {
                ConsulAgreement = agreement,
                ConsulAllowed = consulAllows,
                Consul = $"{answer} (agrees)",
                ConsulMessage = $"{asked}: Allowed={Flag(consulAllows)}, as the cluster's ServiceIntentions decide",
            },
            IntentionAgreement.NotComparable => ours with
            {
                ConsulAgreement = agreement,
                ConsulAllowed = consulAllows,
                Consul = $"{answer} (L7)",
                ConsulMessage = $"{asked}: Allowed={Flag(consulAllows)}; Consul's check answers false for a pair an L7 intention decides, whatever the request",
            },
            _ => Disagreeing(ours, agreement, consulAllows, answer, asked),
        };
    }

    private static IntentionCheckResult Disagreeing(IntentionCheckResult ours, IntentionAgreement agreement, bool? consulAllows, string answer, string asked)
    {
        var (summary, fix) = IntentionComparison.Disagreement(agreement, ours.Source, ours.Destination);
        return ours with
        {
            ConsulAgreement = agreement,
            ConsulAllowed = consulAllows,
            Consul = $"{answer} (disagrees)",
            ConsulMessage = $"{asked}: Allowed={Flag(consulAllows)}. {summary}. {fix}",
        };
    }

    private static string Flag(bool? value) => value is true ? "true" : "false";

    public void Dispose() => _consul.Dispose();
}
