namespace MeshOps.Tests;

/// <summary>Finds the repository root (the folder with MeshOps.sln) from the test's working directory.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MeshOps.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"MeshOps.sln not found above {AppContext.BaseDirectory}.");
    }
}
