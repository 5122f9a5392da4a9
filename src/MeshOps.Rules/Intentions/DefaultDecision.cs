namespace MeshOps.Rules.Intentions
{
    /// <summary>
    /// What Consul decides when no intention matches: the ACL default policy (allow with ACLs disabled), or the
    /// agent's <c>default_intention_policy</c> in newer versions. The caller works it out; evaluation only applies it.
    /// </summary>
    public enum DefaultDecision
    {
        Allow,
        Deny,
    }
}
