namespace MeshOps.Generators.Tests.Crds;

/// <summary>
/// The repository root (the folder with MeshOps.sln) and the shared reference data beside it
/// (<c>&lt;repo&gt;/../shared/reference</c>), which is never copied into the repository.
/// </summary>
internal static class CrdTestPaths
{
    public static string Root { get; } = FindRoot();

    public static string Here(params string[] parts) =>
        Path.Combine([Root, "tests", "MeshOps.Generators.Tests", "Crds", .. parts]);

    public static string Reference(params string[] parts)
    {
        var reference = Path.GetFullPath(Path.Combine(Root, "..", "shared", "reference"));
        if (!Directory.Exists(reference))
            throw new InvalidOperationException($"Reference data is missing: expected the folder {reference} (the repository's ../shared/reference).");
        return Path.Combine([reference, .. parts]);
    }

    public static string ConsulCrd(string plural)
    {
        var path = Reference("consul-crds", $"consul.hashicorp.com_{plural}.yaml");
        if (!File.Exists(path))
            throw new InvalidOperationException($"Reference CRD is missing: {path}");
        return path;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MeshOps.sln")))
                return dir.FullName;
        }

        throw new InvalidOperationException($"MeshOps.sln not found above {AppContext.BaseDirectory}.");
    }
}
