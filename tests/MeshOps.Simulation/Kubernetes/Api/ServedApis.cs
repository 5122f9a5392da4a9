namespace MeshOps.Simulation.Kubernetes.Api;

/// <summary>
/// The resources one server serves now: the whole catalogue less what a test uninstalled, so a cluster without, say,
/// the consul-k8s CRDs answers discovery and requests as that cluster would (the type is absent: 404 page not found).
/// </summary>
public sealed class ServedApis
{
    private readonly Lock _gate = new();
    private readonly HashSet<(string Group, string Plural)> _removed = [];

    public IReadOnlyList<ApiResource> All
    {
        get
        {
            lock (_gate)
            {
                return ApiResourceCatalog.All.Where(r => !_removed.Contains((r.Group, r.Plural))).ToList();
            }
        }
    }

    /// <summary>The group versions /apis lists, in catalogue order (the core "v1" is served at /api instead).</summary>
    public IReadOnlyList<(string Group, string Version)> GroupVersions =>
        All.Where(r => r.Group.Length > 0).Select(r => (r.Group, r.Version)).Distinct().ToList();

    public ApiResource? Find(string group, string version, string plural) =>
        All.FirstOrDefault(r => r.Group == group && r.Version == version && r.Plural == plural);

    public bool Serves(string group, string version) => All.Any(r => r.Group == group && r.Version == version);

    /// <summary>Stops serving one resource (<paramref name="plural"/>) or, when null, every resource of the group.</summary>
    public void Remove(string group, string? plural = null)
    {
        lock (_gate)
        {
            foreach (var resource in ApiResourceCatalog.All.Where(r => r.Group == group && (plural is null || r.Plural == plural)))
                _removed.Add((resource.Group, resource.Plural));
        }
    }
}
