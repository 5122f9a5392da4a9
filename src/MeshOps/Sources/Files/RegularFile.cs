using System.Runtime.InteropServices;

namespace MeshOps.Sources.Files;

/// <summary>
/// Whether a path is a regular file, following links. Opening a FIFO for reading blocks until a writer comes (issue 10),
/// and a device may never end, so only regular files are opened. .NET has no public API for the file type on Unix
/// (<see cref="FileAttributes"/> says Normal for a FIFO), so this asks the runtime's own native shim, whose
/// <c>FileStatus</c> begins with the flags and the mode in the same layout on every Unix .NET runs on.
/// </summary>
public static class RegularFile
{
    private const int TypeMask = 0xF000; // S_IFMT, as System.Native normalises it on every Unix
    private const int Regular = 0x8000;  // S_IFREG

    /// <summary>True for a regular file (after links), or when the type cannot be told; false for a FIFO, socket, device or folder.</summary>
    public static bool Is(string path)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS() && !OperatingSystem.IsFreeBSD())
            return true; // Windows has no FIFOs in the file system; its named pipes live under \\.\pipe\, never in a folder
        try
        {
            return Stat(path, out var status) != 0 || (status.Mode & TypeMask) == Regular; // a failed stat is reported by the read
        }
        catch (Exception missing) when (missing is DllNotFoundException or EntryPointNotFoundException)
        {
            return true;
        }
    }

    // DllImport rather than LibraryImport, whose generated code needs unsafe blocks; the path is marshalled as UTF-8 on Unix.
    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat")]
    private static extern int Stat(string path, out FileStatusPrefix status);

    /// <summary>The start of System.Native's <c>FileStatus</c>; sized well beyond the whole struct, which the call fills.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 512)]
    private struct FileStatusPrefix
    {
        [FieldOffset(4)]
        public int Mode; // after Flags
    }
}
