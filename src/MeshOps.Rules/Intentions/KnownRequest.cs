namespace MeshOps.Rules.Intentions
{
    /// <summary>
    /// What a caller's configuration shows of the HTTP requests it sends: the path they start with (the path of the URL
    /// it is configured with; apps commonly append to such a base URL, so any path below it may be requested) and the
    /// method, null when the configuration does not state one. Headers are never known.
    /// </summary>
    public sealed record KnownRequest(string PathPrefix, string? Method);
}
