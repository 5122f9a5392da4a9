namespace MeshOps.Simulation.Envoy;

/// <summary>
/// The L4 intentions a sidecar's public listener enforces, as Consul compiles them into one RBAC policy
/// (agent/xds/rbac.go): under a default of deny, an ALLOW policy naming the sources allowed; under a default of allow, a
/// DENY policy naming the sources denied. <paramref name="Sources"/> are Consul service names in namespace default.
/// </summary>
public sealed record EnvoyRbac(bool DefaultAllow, IReadOnlyList<string> Sources)
{
    /// <summary>
    /// The policy for <paramref name="destination"/> from its intentions, highest precedence first (Consul's order): the
    /// most precise wildcard source decides the default; the named sources that differ from it are the policy's principals.
    /// </summary>
    public static EnvoyRbac For(string destination, IEnumerable<(string Source, string Destination, bool Allow)> intentions)
    {
        var matching = intentions.Where(i => i.Destination == destination || i.Destination == "*").ToList();
        var wildcard = matching.Where(i => i.Source == "*").Select(i => (bool?)i.Allow).FirstOrDefault();
        var defaultAllow = wildcard ?? true;
        var sources = matching
            .Where(i => i.Source != "*" && i.Allow != defaultAllow)
            .Select(i => i.Source)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return new EnvoyRbac(defaultAllow, sources);
    }
}
