using MeshOps.Consul;

namespace MeshOps.Authoring;

/// <summary>
/// One intention asked for with plain values (what <c>New-MeshIntention</c> binds): <see cref="Sources"/> may call
/// <see cref="Destination"/> with an L4 <see cref="Action"/>, or (with <see cref="Http"/>) send the requests it matches,
/// which <see cref="PermissionAction"/> allows or denies. Nothing is checked until <see cref="IntentionComposer"/> composes it.
/// </summary>
public sealed record IntentionRequest(string Destination, IReadOnlyList<string> Sources)
{
    /// <summary>The source's <c>action</c>; Consul requires it without permissions and refuses it with them.</summary>
    public IntentionAction? Action { get; init; }

    /// <summary>The <c>permissions[0].action</c> of an L7 intention.</summary>
    public IntentionAction? PermissionAction { get; init; }

    /// <summary>The requests of the one L7 permission (<c>permissions[0].http</c>); null for an L4 intention.</summary>
    public Action<HttpMatch>? Http { get; init; }

    /// <summary>The <c>description</c> of every source of this request (Consul allows 512 characters).</summary>
    public string? Description { get; init; }
}
