using System.Diagnostics;
using System.Text;
using MeshOps.Sources;
using MeshOps.Sources.Files;

namespace MeshOps.Tests.Sources;

/// <summary>Hostile or broken input gives an error naming the file and line; it never throws, hangs, or stops the other files.</summary>
public class BadInputTests
{
    private const string GoodService = "apiVersion: v1\nkind: Service\nmetadata:\n  name: good\n";

    [Fact]
    public void Malformed_yaml_is_an_error_at_its_line_and_the_other_files_still_load()
    {
        using var folder = new TempFolder();
        folder.Write("a-good.yaml", GoodService);
        folder.Write("b-bad.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: [unclosed\n");

        var set = ManifestLoader.LoadPaths([folder.Path]);

        var error = Assert.Single(set.Errors);
        Assert.Equal(LoadErrorIds.YamlSyntax, error.ErrorId);
        Assert.EndsWith("b-bad.yaml", error.Location.File);
        Assert.True(error.Location.Line >= 4, error.ToString());
        Assert.Equal("good", Assert.Single(set.Resources).Name);
    }

    [Fact]
    public void Documents_before_a_syntax_error_in_the_same_file_are_kept()
    {
        var set = ManifestLoader.LoadText(GoodService + "---\nkind: [\n", "mixed.yaml");

        Assert.Single(set.Resources);
        Assert.Equal(LoadErrorIds.YamlSyntax, Assert.Single(set.Errors).ErrorId);
    }

    [Fact]
    public void Unclosed_flow_sequence_that_trips_the_yaml_scanner_is_a_syntax_error_not_an_exception()
    {
        var set = ManifestLoader.LoadText(GoodService + "---\na: b\n[c: d\ne: f\n", "scanner.yaml");

        var error = Assert.Single(set.Errors);
        Assert.Equal(LoadErrorIds.YamlSyntax, error.ErrorId);
        Assert.True(error.Location.Line >= 6, error.ToString());
        Assert.Single(set.Resources);
    }

    [Fact]
    public void Invalid_global_tag_is_a_syntax_error_not_an_exception()
    {
        var set = ManifestLoader.LoadText(GoodService + "  labels: !<%> x\n", "tag.yaml");

        Assert.Equal(LoadErrorIds.YamlSyntax, Assert.Single(set.Errors).ErrorId);
    }

    [Fact]
    public void Latin1_file_is_an_invalid_encoding_error_at_the_line_of_the_bad_byte()
    {
        using var folder = new TempFolder();
        folder.Write("good.yaml", GoodService);
        folder.Write("latin1.yaml", Encoding.Latin1.GetBytes("apiVersion: v1\nkind: ConfigMap\n# caf\u00e9\nmetadata:\n  name: c\n"));

        var set = ManifestLoader.LoadPaths([folder.Path]);

        var error = Assert.Single(set.Errors);
        Assert.Equal(LoadErrorIds.InvalidEncoding, error.ErrorId);
        Assert.EndsWith("latin1.yaml", error.Location.File);
        Assert.Equal((3, 6), (error.Location.Line, error.Location.Column));
        Assert.Contains("UTF-8", error.Message);
        Assert.Single(set.Resources);
    }

    [Fact]
    public void Binary_file_with_a_yaml_extension_is_an_error_not_a_crash()
    {
        using var folder = new TempFolder();
        var file = folder.Write("image.yaml", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0xFF]);

        var set = ManifestLoader.LoadPaths([file]);

        Assert.Equal(LoadErrorIds.InvalidEncoding, Assert.Single(set.Errors).ErrorId);
    }

    public static TheoryData<string> ByteOrderMarkEncodings => new() { "utf-8", "utf-16LE", "utf-16BE", "utf-32LE" };

    [Theory]
    [MemberData(nameof(ByteOrderMarkEncodings))]
    public void File_with_a_byte_order_mark_loads(string encodingName)
    {
        using var folder = new TempFolder();
        var encoding = Encoding.GetEncoding(encodingName);
        var file = folder.Write("bom.yaml", [.. encoding.GetPreamble(), .. encoding.GetBytes(GoodService + "  labels:\n    owner: \u00e9quipe\n")]);

        var set = ManifestLoader.LoadPaths([file]);

        Assert.Empty(set.Errors);
        Assert.Equal("\u00e9quipe", Assert.Single(set.Resources).Labels["owner"]);
    }

    [Fact]
    public void Invalid_utf16_after_its_byte_order_mark_is_an_encoding_error()
    {
        using var folder = new TempFolder();
        var file = folder.Write("broken16.yaml", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("a: b\n"), 0x00, 0xD8, 0x41, 0x00]);

        var error = Assert.Single(ManifestLoader.LoadPaths([file]).Errors);

        Assert.Equal(LoadErrorIds.InvalidEncoding, error.ErrorId);
        Assert.Equal(2, error.Location.Line);
    }

    [Fact]
    public void File_larger_than_the_limit_is_refused_before_reading_with_its_size_and_the_limit()
    {
        using var folder = new TempFolder();
        folder.Write("good.yaml", GoodService);
        var huge = Path.Combine(folder.Path, "huge.yaml");
        using (var stream = File.Create(huge))
            stream.SetLength(50L * 1024 * 1024); // sparse: nothing is written, and the loader must not read it

        var set = ManifestLoader.LoadPaths([folder.Path]);

        var error = Assert.Single(set.Errors);
        Assert.Equal(LoadErrorIds.FileTooLarge, error.ErrorId);
        Assert.Equal(huge, error.Location.File);
        Assert.Contains((50L * 1024 * 1024).ToString("N0"), error.Message);
        Assert.Contains(LoaderOptions.Default.MaxFileBytes.ToString("N0"), error.Message);
        Assert.Single(set.Resources);
    }

    [Fact]
    public void Text_larger_than_the_limit_is_refused()
    {
        var set = ManifestLoader.LoadText(GoodService, "stdin", new LoaderOptions { MaxFileBytes = 10 });

        Assert.Equal(LoadErrorIds.FileTooLarge, Assert.Single(set.Errors).ErrorId);
    }

    [Fact]
    public void Alias_bomb_stops_at_the_node_limit_quickly()
    {
        using var folder = new TempFolder();
        folder.Write("good.yaml", GoodService);
        folder.Write("bomb.yaml", BillionLaughs("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: lol\ndata:\n"));
        var clock = Stopwatch.StartNew();

        var set = ManifestLoader.LoadPaths([folder.Path]);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        var error = Assert.Single(set.Errors);
        Assert.Equal(LoadErrorIds.TooManyNodes, error.ErrorId);
        Assert.EndsWith("bomb.yaml", error.Location.File);
        Assert.True(error.Location.Line > 0);
        Assert.Single(set.Resources);
    }

    [Fact]
    public void Alias_bomb_in_an_unmodelled_kind_is_never_expanded()
    {
        var clock = Stopwatch.StartNew();

        var set = ManifestLoader.LoadText(BillionLaughs("apiVersion: example.com/v1\nkind: Lol\nmetadata:\n  name: lol\nspec:\n"), "bomb.yaml");

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.Empty(set.Errors);
        Assert.Null(Assert.Single(set.Resources).Model);
    }

    [Fact]
    public void Small_node_limit_applies_to_ordinary_documents_too()
    {
        var set = ManifestLoader.LoadText(GoodService, "svc.yaml", new LoaderOptions { MaxNodesPerDocument = 3 });

        Assert.Equal(LoadErrorIds.TooManyNodes, Assert.Single(set.Errors).ErrorId);
    }

    [Theory]
    [InlineData(100_000)]
    [InlineData(300)]
    public void Deeply_nested_flow_input_is_an_error_not_a_stack_overflow(int depth)
    {
        var yaml = GoodService + "spec:\n  x: " + new string('[', depth) + new string(']', depth) + "\n";

        var error = Assert.Single(ManifestLoader.LoadText(yaml, "deep.yaml").Errors);

        Assert.Equal(LoadErrorIds.NestingTooDeep, error.ErrorId);
        Assert.Equal(6, error.Location.Line);
    }

    [Fact]
    public void Deeply_nested_block_input_is_an_error()
    {
        var yaml = new StringBuilder(GoodService).Append("spec:\n");
        for (var i = 1; i < 400; i++)
            yaml.Append(' ', i).Append("k:\n");

        var error = Assert.Single(ManifestLoader.LoadText(yaml.ToString(), "deep.yaml").Errors);

        Assert.Equal(LoadErrorIds.NestingTooDeep, error.ErrorId);
    }

    [Fact]
    public void Long_alias_chain_that_nests_deeply_once_expanded_is_an_error()
    {
        var yaml = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: chain\nchain:\n  l0: &l0 [x]\n");
        for (var i = 1; i < 1000; i++)
            yaml.Append($"  l{i}: &l{i} [*l{i - 1}]\n");

        var error = Assert.Single(ManifestLoader.LoadText(yaml.ToString(), "chain.yaml").Errors);

        Assert.Equal(LoadErrorIds.NestingTooDeep, error.ErrorId);
    }

    [Fact]
    public void Non_scalar_mapping_key_is_an_error()
    {
        var error = Assert.Single(ManifestLoader.LoadText(GoodService + "spec:\n  ? [a, b]\n  : c\n", "key.yaml").Errors);

        Assert.Equal((LoadErrorIds.UnsupportedKey, 6), (error.ErrorId, error.Location.Line));
    }

    [Fact]
    public void Alias_to_an_undefined_anchor_is_an_error()
    {
        var error = Assert.Single(ManifestLoader.LoadText(GoodService + "spec: *nowhere\n", "alias.yaml").Errors);

        Assert.Equal((LoadErrorIds.YamlSyntax, 5), (error.ErrorId, error.Location.Line));
    }

    [Fact]
    public void File_that_cannot_be_read_is_an_error_and_the_other_files_still_load()
    {
        using var folder = new TempFolder();
        folder.Write("good.yaml", GoodService);
        var dangling = Path.Combine(folder.Path, "gone.yaml");
        File.CreateSymbolicLink(dangling, Path.Combine(folder.Path, "missing-target.yaml"));

        var set = ManifestLoader.LoadPaths([folder.Path]);

        var error = Assert.Single(set.Errors);
        Assert.Equal(LoadErrorIds.UnreadableFile, error.ErrorId);
        Assert.Equal(dangling, error.Location.File);
        Assert.Single(set.Resources);
    }

    // chmod 000 stops no one when tests run as root (CI does); a symbolic link to itself cannot be opened by anyone.
    [Fact]
    public void File_that_no_one_can_open_is_an_error_naming_it_and_the_other_files_still_load()
    {
        if (OperatingSystem.IsWindows())
            return; // creating a symbolic link needs a privilege there
        using var folder = new TempFolder();
        folder.Write("good.yaml", GoodService);
        var loop = Path.Combine(folder.Path, "loop.yaml");
        File.CreateSymbolicLink(loop, loop);

        var set = ManifestLoader.LoadPaths([folder.Path]);

        var error = Assert.Single(set.Errors);
        Assert.Equal((LoadErrorIds.UnreadableFile, loop), (error.ErrorId, error.Location.File));
        Assert.StartsWith("The file cannot be read", error.Message, StringComparison.Ordinal);
        Assert.Single(set.Resources);
    }

    [Fact]
    public void File_without_read_permission_is_an_error_when_permissions_apply()
    {
        if (OperatingSystem.IsWindows())
            return; // Unix file modes only
        using var folder = new TempFolder();
        var file = folder.Write("secret.yaml", GoodService);
        File.SetUnixFileMode(file, UnixFileMode.None);
        if (CanOpen(file))
            return; // root reads anything; the test above is the one that runs there

        var set = ManifestLoader.LoadPaths([file]);

        Assert.Equal(LoadErrorIds.UnreadableFile, Assert.Single(set.Errors).ErrorId);
    }

    [Fact]
    public void Endless_device_named_explicitly_is_never_read()
    {
        if (!File.Exists("/dev/zero"))
            return;

        var set = ManifestLoader.LoadPaths(["/dev/zero"], new LoaderOptions { MaxFileBytes = 100_000 });

        var error = Assert.Single(set.Errors);
        Assert.Equal((LoadErrorIds.NotARegularFile, "/dev/zero"), (error.ErrorId, error.Location.File));
    }

    [Fact]
    public void Empty_file_gives_no_resources_and_no_error()
    {
        using var folder = new TempFolder();
        var file = folder.Write("empty.yaml", "");

        var set = ManifestLoader.LoadPaths([file]);

        Assert.Empty(set.Errors);
        Assert.Empty(set.Resources);
    }

    private static bool CanOpen(string file)
    {
        try
        {
            using var stream = File.OpenRead(file);
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Nine levels of nine aliases: about 387 million nodes if expanded, a few hundred bytes on disk.</summary>
    private static string BillionLaughs(string header)
    {
        var yaml = new StringBuilder(header).Append("  l0: &l0 \"lol\"\n");
        for (var level = 1; level <= 9; level++)
        {
            var previous = $"*l{level - 1}";
            yaml.Append($"  l{level}: &l{level} [{string.Join(", ", Enumerable.Repeat(previous, 9))}]\n");
        }
        return yaml.ToString();
    }
}
