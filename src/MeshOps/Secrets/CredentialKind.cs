namespace MeshOps.Secrets;

/// <summary>The textual form a credential was found in.</summary>
public enum CredentialKind
{
    /// <summary>The password of URL userinfo: <c>postgres://user:secret@host</c>.</summary>
    UrlPassword,

    /// <summary>A key/value pair whose key names a secret: <c>password=…</c>, <c>POSTGRES_PASSWORD: …</c>, <c>"token": "…"</c>.</summary>
    KeyValue,

    /// <summary>An <c>Authorization:</c> header value.</summary>
    AuthorizationHeader,

    /// <summary>A bare <c>Bearer …</c> token.</summary>
    BearerToken,
}
