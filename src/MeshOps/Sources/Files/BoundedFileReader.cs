namespace MeshOps.Sources.Files;

/// <summary>
/// Reads a file's bytes without ever reading more than the size limit: a file that says it is too large
/// is refused before reading, and a file that reports no length (under /proc) is cut off at the limit. Only regular
/// files are opened: opening a named pipe waits for a writer, which may never come (issue 10).
/// </summary>
internal static class BoundedFileReader
{
    private const int ChunkBytes = 64 * 1024;

    public static bool TryRead(string file, long maxBytes, out byte[] bytes, out LoadError? error)
    {
        bytes = [];
        error = null;
        if (!RegularFile.Is(file))
        {
            error = NotARegularFile(file);
            return false;
        }
        try
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1, FileOptions.SequentialScan);
            // The length of what was opened: FileInfo.Length of a symbolic link is the length of the link itself.
            var length = stream.Length;
            if (length > maxBytes)
            {
                error = TooLarge(file, $"The file is {length:N0} bytes, more than the {maxBytes:N0}-byte limit (LoaderOptions.MaxFileBytes); it was not read.");
                return false;
            }
            if (length > 0)
            {
                bytes = new byte[length];
                var read = stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
                if (read < bytes.Length)
                    Array.Resize(ref bytes, read); // the file shrank since it was measured
                return true;
            }
            return TryReadUnsized(stream, file, maxBytes, out bytes, out error);
        }
        catch (Exception failure) when (failure is UnauthorizedAccessException or IOException)
        {
            error = new LoadError(LoadErrorIds.UnreadableFile, new SourceLocation(file, 0, 0), $"The file cannot be read: {failure.Message}");
            return false;
        }
    }

    private static bool TryReadUnsized(Stream stream, string file, long maxBytes, out byte[] bytes, out LoadError? error)
    {
        using var content = new MemoryStream();
        var chunk = new byte[ChunkBytes];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            content.Write(chunk, 0, read);
            if (content.Length > maxBytes)
            {
                bytes = [];
                error = TooLarge(file, $"The input is more than the {maxBytes:N0}-byte limit (LoaderOptions.MaxFileBytes); reading stopped there.");
                return false;
            }
        }
        bytes = content.ToArray();
        error = null;
        return true;
    }

    /// <summary>The error for a named pipe, socket or device given or found as a manifest: it is never opened.</summary>
    public static LoadError NotARegularFile(string file) =>
        new(LoadErrorIds.NotARegularFile, new SourceLocation(file, 0, 0),
            $"'{file}' is not a regular file (a named pipe, socket or device); only regular files are read, since reading one of these can wait forever.");

    private static LoadError TooLarge(string file, string message) =>
        new(LoadErrorIds.FileTooLarge, new SourceLocation(file, 0, 0), message);
}
