using System.Collections.Generic;

namespace MeshOps.Rules.Intentions
{
    /// <summary>
    /// One <c>sources[]</c> item of a ServiceIntentions entry. Action is null when Permissions are given (an L7
    /// intention); Consul rejects setting both.
    /// </summary>
    public sealed record IntentionSource(
        string Name,
        string Namespace,
        string? Partition,
        string? Peer,
        string? SamenessGroup,
        IntentionAction? Action,
        IReadOnlyList<IntentionPermission> Permissions,
        string? Description)
    {
        /// <summary>True when the source carries permissions, which makes it an L7 intention.</summary>
        public bool IsL7 => Permissions.Count > 0;
    }
}
