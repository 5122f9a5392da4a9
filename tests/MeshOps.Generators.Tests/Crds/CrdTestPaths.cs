namespace MeshOps.Generators.Tests.Crds;

/// <summary>Where the CRD tests' own files and the real Consul CRDs (in the shared reference data) are.</summary>
internal static class CrdTestPaths
{
    public static string Here(params string[] parts) =>
        Path.Combine([RepoPaths.Root, "tests", "MeshOps.Generators.Tests", "Crds", .. parts]);

    public static string Reference(params string[] parts) => ReferenceData.Path(parts);

    public static string ConsulCrd(string plural)
    {
        var path = Reference("consul-crds", $"consul.hashicorp.com_{plural}.yaml");
        if (!File.Exists(path))
            throw new InvalidOperationException($"Reference CRD is missing: {path}");
        return path;
    }
}
