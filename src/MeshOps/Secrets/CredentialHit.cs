namespace MeshOps.Secrets;

/// <summary>
/// Where a credential sits in a text: Key names it (the key, the URL scheme, "Authorization" or "Bearer") and
/// Index/Length locate the secret value itself, which is never copied out.
/// </summary>
public sealed record CredentialHit(string Key, CredentialKind Kind, int Index, int Length);
