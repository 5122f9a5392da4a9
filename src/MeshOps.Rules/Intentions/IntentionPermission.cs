namespace MeshOps.Rules.Intentions
{
    /// <summary>
    /// One entry of <c>sources[].permissions</c>. Http is null only for JWT-only permissions.
    /// Evaluation-side: the SDK's Consul model has its own (generated <c>MeshOps.Consul.ServiceIntentionsPermission</c>, read from manifests
    /// and written by the builders). This one stays separate because the intention evaluator is netstandard2.0 and runs
    /// in the compiler too, where the SDK (net10.0, System.Text.Json, KubernetesClient) cannot be loaded; the SDK maps
    /// its model to it in <c>MeshOps.Model.IntentionSetReader</c>.
    /// </summary>
    public sealed record IntentionPermission(IntentionAction Action, HttpPermission? Http);
}
