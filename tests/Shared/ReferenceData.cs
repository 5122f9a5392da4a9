namespace MeshOps.Tests;

/// <summary>
/// The shared reference material (real HashiCups and Consul manifests, CRD schemas) lives next to the
/// repository, never inside it: <c>&lt;repo&gt;/../shared/reference</c>.
/// </summary>
internal static class ReferenceData
{
    private static readonly Lazy<string> Root = new(FindRoot);

    public static string Path(params string[] parts) =>
        System.IO.Path.Combine([Root.Value, .. parts]);

    private static string FindRoot()
    {
        var reference = System.IO.Path.GetFullPath(System.IO.Path.Combine(RepoPaths.Root, "..", "shared", "reference"));
        if (!Directory.Exists(reference))
            throw new InvalidOperationException($"Reference data is missing: expected the folder {reference} (the repository's ../shared/reference).");
        return reference;
    }
}
