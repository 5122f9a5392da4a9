namespace MeshOps.Rules.Intentions
{
    /// <summary>
    /// One <c>permissions[].http.header[]</c> matcher. Consul validation allows exactly one of Present, Exact, Prefix,
    /// Suffix, Contains or Regex; Invert negates the result and IgnoreCase applies to the string comparisons.
    /// Evaluation-side: the SDK's Consul model has its own (generated <c>MeshOps.Consul.ServiceIntentionsHeaderPermission</c>, read from manifests
    /// and written by the builders). This one stays separate because the intention evaluator is netstandard2.0 and runs
    /// in the compiler too, where the SDK (net10.0, System.Text.Json, KubernetesClient) cannot be loaded; the SDK maps
    /// its model to it in <c>MeshOps.Model.IntentionSetReader</c>.
    /// </summary>
    public sealed record HttpHeaderPermission(
        string Name,
        bool Present = false,
        string? Exact = null,
        string? Prefix = null,
        string? Suffix = null,
        string? Contains = null,
        string? Regex = null,
        bool Invert = false,
        bool IgnoreCase = false);
}
