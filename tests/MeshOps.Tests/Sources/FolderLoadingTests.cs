using MeshOps.Sources;
using MeshOps.Sources.Files;

namespace MeshOps.Tests.Sources;

public class FolderLoadingTests
{
    private static string Namespace(string name) => $"apiVersion: v1\nkind: Namespace\nmetadata:\n  name: {name}\n";

    [Fact]
    public void Folder_is_searched_recursively_for_yaml_yml_and_json_in_any_case()
    {
        using var folder = new TempFolder();
        folder.Write("a.yaml", Namespace("a"));
        folder.Write("sub/b.YML", Namespace("b"));
        folder.Write("sub/deeper/c.Json", """{"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "c"}}""");
        folder.Write("README.md", "# not a manifest");
        folder.Write("notes.txt", "kind: nothing");

        var set = ManifestLoader.LoadPaths([folder.Path]);

        Assert.Empty(set.Errors);
        Assert.Equal(["a", "b", "c"], set.Resources.Select(r => r.Name).Order());
    }

    [Fact]
    public void A_folder_loads_in_the_order_kubectl_walks_it()
    {
        using var folder = new TempFolder();
        folder.Write("b.yaml", Namespace("b"));
        folder.Write("B.yaml", Namespace("upper-b"));
        folder.Write("a/z.yaml", Namespace("a-z"));
        folder.Write("a.yaml", Namespace("a"));
        folder.Write("a-b.yaml", Namespace("a-b"));

        var set = ManifestLoader.LoadPaths([folder.Path]);

        // filepath.Walk sorts each folder's names: "a" < "a-b.yaml" < "a.yaml", so folder a is walked before both
        // files, where ordering full paths would put "/a-b.yaml" and "/a.yaml" first ('-' and '.' sort before '/').
        Assert.Equal(["upper-b", "a-z", "a-b", "a", "b"], set.Resources.Select(r => r.Name));
    }

    [Fact]
    public void Paths_load_in_the_order_given_as_kubectl_applies_each_f_in_turn()
    {
        using var folder = new TempFolder();
        var z = folder.Write("z.yaml", Namespace("z"));
        var a = folder.Write("a.yaml", Namespace("a"));

        Assert.Equal(["z", "a"], ManifestLoader.LoadPaths([z, a]).Resources.Select(r => r.Name));
    }

    [Fact]
    public void A_file_named_twice_loads_once_at_its_last_place()
    {
        using var folder = new TempFolder();
        var file = folder.Write("ns.yaml", Namespace("once"));
        var other = folder.Write("other.yaml", Namespace("other"));

        var set = ManifestLoader.LoadPaths([file, folder.Path, file]);

        // kubectl would apply ns.yaml, ns.yaml, other.yaml, ns.yaml: the last apply of ns.yaml comes after other.yaml.
        Assert.Equal(["other", "once"], set.Resources.Select(r => r.Name));
        Assert.Equal(["other", "once"], ManifestLoader.LoadPaths([folder.Path, other, file]).Resources.Select(r => r.Name));
    }

    [Fact]
    public void Hidden_folders_are_not_searched()
    {
        using var folder = new TempFolder();
        folder.Write("ns.yaml", Namespace("visible"));
        folder.Write(".git/config.yaml", Namespace("hidden"));

        var set = ManifestLoader.LoadPaths([folder.Path]);

        Assert.Equal("visible", Assert.Single(set.Resources).Name);
    }

    [Fact]
    public void Explicitly_named_file_loads_whatever_its_extension()
    {
        using var folder = new TempFolder();
        var file = folder.Write("manifest.txt", Namespace("txt"));

        Assert.Equal("txt", Assert.Single(ManifestLoader.LoadPaths([file]).Resources).Name);
    }

    [Fact]
    public void Path_that_does_not_exist_is_an_error_naming_it_and_other_paths_still_load()
    {
        using var folder = new TempFolder();
        var file = folder.Write("ns.yaml", Namespace("here"));
        var missing = Path.Combine(folder.Path, "nope.yaml");

        var set = ManifestLoader.LoadPaths([missing, file]);

        var error = Assert.Single(set.Errors);
        Assert.Equal(LoadErrorIds.PathNotFound, error.ErrorId);
        Assert.Equal(missing, error.Location.File);
        Assert.Contains(missing, error.Message);
        Assert.Single(set.Resources);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public void Empty_path_is_an_error_not_an_exception(string? path)
    {
        var error = Assert.Single(ManifestLoader.LoadPaths([path!]).Errors);

        Assert.Equal(LoadErrorIds.PathNotFound, error.ErrorId);
    }

    [Fact]
    public void Folder_without_manifests_is_an_error_not_an_exception()
    {
        using var folder = new TempFolder();
        folder.Write("README.md", "nothing here");

        var error = Assert.Single(ManifestLoader.LoadPaths([folder.Path]).Errors);

        Assert.Equal(LoadErrorIds.NoManifestFiles, error.ErrorId);
        Assert.Equal($"There are no .yaml, .yml or .json files under '{folder.Path}'.", error.Message);
    }

    [Fact]
    public void Symbolic_link_loop_between_folders_does_not_hang()
    {
        using var folder = new TempFolder();
        folder.Write("sub/ns.yaml", Namespace("once"));
        Directory.CreateSymbolicLink(Path.Combine(folder.Path, "sub", "loop"), folder.Path);

        var set = ManifestLoader.LoadPaths([folder.Path]);

        Assert.Single(set.Resources);
    }
}
