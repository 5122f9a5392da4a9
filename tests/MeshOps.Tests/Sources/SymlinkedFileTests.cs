using MeshOps.Analysis;
using MeshOps.Sources;
using MeshOps.Sources.Files;

namespace MeshOps.Tests.Sources;

/// <summary>
/// Issue 10, cause 7: the same file reached through a symbolic link was read twice, and its objects, counted twice, made
/// false MESH108 and MESH203 errors. A file is known by its real path and read once.
/// </summary>
public class SymlinkedFileTests
{
    private const string Mesh = """
        apiVersion: v1
        kind: Service
        metadata:
          name: api
        spec:
          selector:
            app: api
          ports:
            - port: 80
              targetPort: 8080
        ---
        apiVersion: consul.hashicorp.com/v1alpha1
        kind: ServiceIntentions
        metadata:
          name: api
        spec:
          destination:
            name: api
          sources:
            - name: web
              action: allow
        """;

    [Fact]
    public void A_folder_and_a_link_to_it_are_read_once()
    {
        if (OperatingSystem.IsWindows())
            return; // creating a symbolic link needs a privilege there
        using var folder = new TempFolder();
        var real = Path.GetDirectoryName(folder.Write("real/a.yaml", Mesh))!;
        var link = Path.Combine(folder.Path, "link");
        Directory.CreateSymbolicLink(link, real);

        var set = ManifestLoader.LoadPaths([real, link]);

        AssertReadOnce(set);
    }

    [Fact]
    public void A_file_and_a_link_to_it_in_the_same_folder_are_read_once()
    {
        if (OperatingSystem.IsWindows())
            return;
        using var folder = new TempFolder();
        var real = folder.Write("a.yaml", Mesh);
        File.CreateSymbolicLink(Path.Combine(folder.Path, "b.yaml"), real);

        var set = ManifestLoader.LoadPaths([folder.Path]);

        AssertReadOnce(set);
    }

    [Fact]
    public void A_file_reached_through_a_linked_folder_above_it_is_read_once()
    {
        if (OperatingSystem.IsWindows())
            return;
        using var folder = new TempFolder();
        var real = folder.Write("real/sub/a.yaml", Mesh);
        Directory.CreateSymbolicLink(Path.Combine(folder.Path, "link"), Path.Combine(folder.Path, "real"));

        var set = ManifestLoader.LoadPaths([real, Path.Combine(folder.Path, "link", "sub", "a.yaml")]);

        AssertReadOnce(set);
    }

    [Fact]
    public void A_folder_holding_a_link_to_itself_is_read_once()
    {
        if (OperatingSystem.IsWindows())
            return;
        using var folder = new TempFolder();
        folder.Write("a.yaml", Mesh);
        Directory.CreateSymbolicLink(Path.Combine(folder.Path, "again"), folder.Path);

        var set = ManifestLoader.LoadPaths([folder.Path, Path.Combine(folder.Path, "again")]);

        AssertReadOnce(set);
    }

    private static void AssertReadOnce(ManifestSet set)
    {
        Assert.Empty(set.Errors);
        Assert.Equal(["Service/api", "ServiceIntentions/api"], set.Resources.Select(r => $"{r.Kind}/{r.Name}"));
        var report = MeshAnalyzer.Analyze(set);
        Assert.Empty(report.LoadWarnings);
        Assert.DoesNotContain(report.Findings, f => f.RuleId is "MESH108" or "MESH203");
    }
}
