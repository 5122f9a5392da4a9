namespace MeshOps.Rules.Intentions
{
    /// <summary>What L7 permissions decide for the requests a caller is known to send.</summary>
    public enum KnownRequestOutcome
    {
        /// <summary>Every request the caller may send is allowed.</summary>
        Allowed,

        /// <summary>Some may be allowed: an allow permission may match what is not known (method, headers, path below).</summary>
        Depends,

        /// <summary>Every request the caller may send is denied.</summary>
        Denied,
    }
}
