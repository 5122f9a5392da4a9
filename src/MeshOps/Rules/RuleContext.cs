using MeshOps.Analysis;

namespace MeshOps.Rules;

/// <summary>Settings a rule's verdict depends on, with where each came from.</summary>
public sealed record RuleContext(DefaultPolicy DefaultPolicy, string DefaultPolicyOrigin)
{
    public static RuleContext From(AnalysisOptions options) =>
        new(options.DefaultPolicy, options.DefaultPolicy == DefaultPolicy.Allow
            ? "Consul's behaviour with ACLs disabled (-DefaultPolicy Allow)"
            : "-DefaultPolicy Deny");
}
