using System.Collections.Generic;

namespace MeshOps.Rules.Intentions
{
    /// <summary>
    /// The <c>http</c> block of an L7 permission. Every criterion that is set must match (Envoy ANDs them);
    /// Consul allows at most one of PathExact, PathPrefix and PathRegex.
    /// Evaluation-side: the SDK's Consul model has its own (generated <c>MeshOps.Consul.ServiceIntentionsHttpPermission</c>, read from manifests
    /// and written by the builders). This one stays separate because the intention evaluator is netstandard2.0 and runs
    /// in the compiler too, where the SDK (net10.0, System.Text.Json, KubernetesClient) cannot be loaded; the SDK maps
    /// its model to it in <c>MeshOps.Model.IntentionSetReader</c>.
    /// </summary>
    public sealed record HttpPermission(
        string? PathExact,
        string? PathPrefix,
        string? PathRegex,
        IReadOnlyList<string> Methods,
        IReadOnlyList<HttpHeaderPermission> Headers);
}
