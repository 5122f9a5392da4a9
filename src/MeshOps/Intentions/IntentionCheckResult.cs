using MeshOps.Paths.Live;
using MeshOps.Rules.Intentions;

namespace MeshOps.Intentions;

/// <summary>
/// One intention check: the decision, the ServiceIntentions source that made it (with its precedence and where it is
/// written) or the default that applied and why, and, on a cluster, what Consul itself answered.
/// </summary>
public sealed record IntentionCheckResult
{
    /// <summary>The calling service, as Consul names it.</summary>
    public required string Source { get; init; }

    public required string Destination { get; init; }

    /// <summary>
    /// The Consul namespace the source was evaluated in: "default" on CE, its mirrored Kubernetes namespace (with the
    /// prefix) or the destination namespace the Helm values set on Enterprise.
    /// </summary>
    public string SourceNamespace { get; init; } = ConsulNames.DefaultNamespace;

    public string DestinationNamespace { get; init; } = ConsulNames.DefaultNamespace;

    public required IntentionCheckDecision Decision { get; init; }

    /// <summary>One line naming what decided: the ServiceIntentions source, or the default policy.</summary>
    public required string DecidedBy { get; init; }

    /// <summary>metadata.name of the deciding ServiceIntentions; null when the default decided.</summary>
    public string? IntentionName { get; init; }

    /// <summary>The Kubernetes namespace of the deciding ServiceIntentions (as written; null leaves it to kubectl).</summary>
    public string? IntentionNamespace { get; init; }

    /// <summary>The deciding intention's destination (spec.destination.name), which may be "*".</summary>
    public string? IntentionDestination { get; init; }

    /// <summary>The deciding <c>spec.sources[]</c> item's name (may be "*") and its index in the list.</summary>
    public string? SourceEntry { get; init; }

    public int? SourceIndex { get; init; }

    /// <summary>allow, deny, or L7 (the source carries permissions).</summary>
    public string? Action { get; init; }

    /// <summary>Consul's precedence of the deciding intention: 9 for exact names down to 1 for */* to */*.</summary>
    public int? Precedence { get; init; }

    /// <summary>Where the deciding source is written: file:line, or the live object read.</summary>
    public string? Location { get; init; }

    /// <summary>True when no intention matched and the default policy decided.</summary>
    public bool DefaultApplied { get; init; }

    /// <summary>The default for calls no intention matches, with why (ACLs, the caller's override).</summary>
    public required string Default { get; init; }

    /// <summary>The HTTP request judged against L7 permissions ("GET /coffees"); null when none was described.</summary>
    public string? Request { get; init; }

    /// <summary>The index of the L7 permission that decided the request, when one did.</summary>
    public int? PermissionIndex { get; init; }

    public required string Explanation { get; init; }

    /// <summary>Every intention that applies to the pair, in the order Consul tries them (the first decides).</summary>
    public IReadOnlyList<string> Matches { get; init; } = [];

    /// <summary>What else the check noticed (a name no input registers in Consul, an entry Consul refuses).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Consul's own answer next to ours: NotAsked offline.</summary>
    public IntentionAgreement ConsulAgreement { get; init; } = IntentionAgreement.NotAsked;

    /// <summary>What <c>/v1/connect/intentions/check</c> answered; null when it was not asked or could not be read.</summary>
    public bool? ConsulAllowed { get; init; }

    /// <summary>The Consul column: Allowed or Denied with whether it agrees, Unknown, or not asked.</summary>
    public string Consul { get; init; } = "not asked";

    /// <summary>What Consul's answer means, or why it is unknown (the endpoint's message).</summary>
    public string? ConsulMessage { get; init; }

    /// <summary>The command that asks Consul the same question.</summary>
    public required string Confirm { get; init; }
}
