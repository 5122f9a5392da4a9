using System.Reflection;
using MeshOps.Sources;
using MeshOps.Sources.Files;

namespace MeshOps.Tests.Sources;

/// <summary>One table of load error IDs: each stable ID has exactly one kind, and real failures land in the kind they should.</summary>
public class LoadErrorIdsTests
{
    private static readonly string[] Ids = typeof(LoadErrorIds)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToArray();

    [Fact]
    public void Every_id_has_a_kind_and_the_table_holds_no_other_id()
    {
        Assert.NotEmpty(Ids);
        Assert.Equal(Ids.Order(StringComparer.Ordinal), LoadErrorIds.Kinds.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_id_is_in_the_documented_MeshOps_form()
    {
        Assert.All(Ids, id => Assert.Matches("^MeshOps\\.[A-Z][A-Za-z]+$", id));
    }

    [Fact]
    public void A_missing_path_and_an_empty_folder_are_not_found()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(Path.Combine(folder.Path, "empty"));

        var errors = ManifestLoader.LoadPaths([Path.Combine(folder.Path, "absent"), Path.Combine(folder.Path, "empty")]).Errors;

        Assert.Equal([LoadErrorIds.PathNotFound, LoadErrorIds.NoManifestFiles], errors.Select(e => e.ErrorId));
        Assert.All(errors, e => Assert.Equal(LoadErrorKind.NotFound, LoadErrorIds.Kinds[e.ErrorId]));
    }

    [Fact]
    public void Malformed_yaml_is_invalid_data()
    {
        var error = Assert.Single(ManifestLoader.LoadText("kind: [\n", "bad.yaml").Errors);

        Assert.Equal(LoadErrorKind.InvalidData, LoadErrorIds.Kinds[error.ErrorId]);
    }

    [Fact]
    public void Input_beyond_the_limits_is_a_limit_exceeded()
    {
        var tooLarge = Assert.Single(ManifestLoader.LoadText(new string('#', 64), "big.yaml", new LoaderOptions { MaxFileBytes = 16 }).Errors);
        var tooDeep = Assert.Single(ManifestLoader.LoadText("kind: ConfigMap\ndata:\n  x: " + new string('[', 300) + new string(']', 300) + "\n", "deep.yaml").Errors);

        Assert.Equal(LoadErrorKind.LimitExceeded, LoadErrorIds.Kinds[tooLarge.ErrorId]);
        Assert.Equal(LoadErrorKind.LimitExceeded, LoadErrorIds.Kinds[tooDeep.ErrorId]);
    }
}
