using MeshOps.Sources;
using MeshOps.Sources.Files;

namespace MeshOps.Tests.Sources;

/// <summary>
/// Issue 10, cause 1: a named pipe given as a path or found in a folder was opened, and opening a FIFO for reading
/// waits for a writer that never comes. Only regular files are read; a pipe is an error naming it.
/// </summary>
public class NamedPipeTests
{
    private const string GoodService = "apiVersion: v1\nkind: Service\nmetadata:\n  name: good\n";

    // Reverting the fix makes the load block forever; the guard turns that into a failure instead of a hung test run.
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Named_pipe_given_as_a_path_is_an_error_naming_it_and_the_other_files_still_load()
    {
        if (!OperatingSystem.IsLinux())
            return; // mkfifo is POSIX; the test uses Linux's libc
        using var folder = new TempFolder();
        var good = folder.Write("good.yaml", GoodService);
        var pipe = MakePipe(folder, "pipe.yaml");

        var set = await LoadGuarded([pipe, good]);

        var error = Assert.Single(set.Errors);
        Assert.Equal((LoadErrorIds.NotARegularFile, pipe), (error.ErrorId, error.Location.File));
        Assert.Contains(pipe, error.Message, StringComparison.Ordinal);
        Assert.Equal("good", Assert.Single(set.Resources).Name);
    }

    [Fact]
    public async Task Named_pipe_in_a_folder_is_an_error_naming_it_and_the_other_files_still_load()
    {
        if (!OperatingSystem.IsLinux())
            return;
        using var folder = new TempFolder();
        folder.Write("a-good.yaml", GoodService);
        var pipe = MakePipe(folder, "b-pipe.yaml");

        var set = await LoadGuarded([folder.Path]);

        var error = Assert.Single(set.Errors);
        Assert.Equal((LoadErrorIds.NotARegularFile, pipe), (error.ErrorId, error.Location.File));
        Assert.Equal("good", Assert.Single(set.Resources).Name);
    }

    [Fact]
    public async Task Named_pipe_named_like_a_kustomization_is_never_opened()
    {
        if (!OperatingSystem.IsLinux())
            return;
        using var folder = new TempFolder();
        folder.Write("good.yaml", GoodService);
        var pipe = MakePipe(folder, "kustomization.yaml");

        var set = await LoadGuarded([folder.Path]);

        Assert.Equal(LoadErrorIds.NotARegularFile, Assert.Single(set.Errors).ErrorId);
        Assert.Equal(pipe, set.Errors[0].Location.File);
    }

    [Fact]
    public void A_pipe_is_a_read_error()
    {
        Assert.Equal(LoadErrorKind.ReadError, LoadErrorIds.Kinds[LoadErrorIds.NotARegularFile]);
    }

    private static async Task<ManifestSet> LoadGuarded(IReadOnlyList<string> paths) =>
        await Task.Run(() => ManifestLoader.LoadPaths(paths)).WaitAsync(HangGuard);

    private static string MakePipe(TempFolder folder, string name)
    {
        var pipe = Path.Combine(folder.Path, name);
        Assert.Equal(0, MakeFifo(pipe, 0b110_100_100));
        return pipe;
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "mkfifo", SetLastError = true)]
    private static extern int MakeFifo(string path, uint mode);
}
