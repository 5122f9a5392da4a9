namespace MeshOps.Rules.Intentions
{
    /// <summary>
    /// What an L4 intention or an L7 permission does with the traffic it matches.
    /// Evaluation-side: the SDK has its own (<c>MeshOps.Consul.IntentionAction</c>, used by the generated ServiceIntentions, read from manifests
    /// and written by the builders). This one stays separate because the intention evaluator is netstandard2.0 and runs
    /// in the compiler too, where the SDK (net10.0, System.Text.Json, KubernetesClient) cannot be loaded; the SDK maps
    /// its model to it in <c>MeshOps.Model.IntentionSetReader</c>.
    /// </summary>
    public enum IntentionAction
    {
        Allow,
        Deny,
    }
}
