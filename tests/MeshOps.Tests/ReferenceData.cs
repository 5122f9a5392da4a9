namespace MeshOps.Tests;

/// <summary>
/// The shared reference material (real HashiCups and Consul manifests, CRD schemas) lives next to the
/// repository, never inside it: <c>&lt;repo&gt;/../shared/reference</c>.
/// </summary>
public static class ReferenceData
{
    private static readonly Lazy<string> Root = new(FindRoot);

    public static string Path(params string[] parts) =>
        System.IO.Path.Combine([Root.Value, .. parts]);

    private static string FindRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(System.IO.Path.Combine(folder.FullName, "MeshOps.sln")))
            folder = folder.Parent;
        if (folder is null)
            throw new InvalidOperationException($"Cannot find MeshOps.sln above {AppContext.BaseDirectory}, so the reference data cannot be located.");
        var reference = System.IO.Path.GetFullPath(System.IO.Path.Combine(folder.FullName, "..", "shared", "reference"));
        if (!Directory.Exists(reference))
            throw new InvalidOperationException($"Reference data is missing: expected the folder {reference} (the repository's ../shared/reference).");
        return reference;
    }
}
