namespace MeshOps.Rules.Intentions
{
    /// <summary>What an L4 intention or an L7 permission does with the traffic it matches.</summary>
    public enum IntentionAction
    {
        Allow,
        Deny,
    }
}
