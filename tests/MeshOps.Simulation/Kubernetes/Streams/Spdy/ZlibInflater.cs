using System.Runtime.InteropServices;

namespace MeshOps.Simulation.Kubernetes.Streams.Spdy;

/// <summary>
/// One zlib inflate stream kept across SPDY header blocks (each block is a sync-flushed part of the same stream), with
/// the preset dictionary SPDY requires. System.IO.Compression cannot set a preset dictionary, so this calls the
/// system's libz; the simulator runs on Linux, where libz.so.1 is always present.
/// </summary>
internal sealed class ZlibInflater : IDisposable
{
    private const string Library = "libz.so.1";
    private const int ZStreamSize = 112;
    private const int NextIn = 0, AvailIn = 8, NextOut = 24, AvailOut = 32;
    private const int SyncFlush = 2, ZOk = 0, ZStreamEnd = 1, ZNeedDict = 2, ZBufError = -5;

    private readonly IntPtr _stream = Marshal.AllocHGlobal(ZStreamSize);
    private readonly byte[] _dictionary;

    public ZlibInflater(byte[] dictionary)
    {
        _dictionary = dictionary;
        for (var i = 0; i < ZStreamSize; i += 8)
            Marshal.WriteInt64(_stream, i, 0);
        var result = InflateInit(_stream, ZlibVersion(), ZStreamSize);
        if (result != ZOk)
            throw new InvalidOperationException($"zlib inflateInit failed with {result}.");
    }

    public byte[] Inflate(ReadOnlySpan<byte> input)
    {
        var inBuffer = Marshal.AllocHGlobal(Math.Max(1, input.Length));
        var outBuffer = Marshal.AllocHGlobal(64 * 1024);
        try
        {
            Marshal.Copy(input.ToArray(), 0, inBuffer, input.Length);
            Marshal.WriteIntPtr(_stream, NextIn, inBuffer);
            Marshal.WriteInt32(_stream, AvailIn, input.Length);
            var output = new MemoryStream();
            var chunk = new byte[64 * 1024];
            while (true)
            {
                Marshal.WriteIntPtr(_stream, NextOut, outBuffer);
                Marshal.WriteInt32(_stream, AvailOut, chunk.Length);
                var result = InflateCall(_stream, SyncFlush);
                if (result == ZNeedDict)
                {
                    var dict = Marshal.AllocHGlobal(_dictionary.Length);
                    Marshal.Copy(_dictionary, 0, dict, _dictionary.Length);
                    result = InflateSetDictionary(_stream, dict, _dictionary.Length);
                    Marshal.FreeHGlobal(dict);
                    if (result != ZOk)
                        throw new InvalidDataException($"zlib inflateSetDictionary failed with {result}.");
                    continue;
                }

                var produced = chunk.Length - Marshal.ReadInt32(_stream, AvailOut);
                Marshal.Copy(outBuffer, chunk, 0, produced);
                output.Write(chunk, 0, produced);
                if (result is not (ZOk or ZStreamEnd or ZBufError))
                    throw new InvalidDataException($"A SPDY header block does not inflate (zlib {result}).");
                if (Marshal.ReadInt32(_stream, AvailIn) == 0 && produced < chunk.Length)
                    return output.ToArray();
                if (result == ZBufError && produced == 0)
                    return output.ToArray();
            }
        }
        finally
        {
            Marshal.FreeHGlobal(inBuffer);
            Marshal.FreeHGlobal(outBuffer);
        }
    }

    public void Dispose()
    {
        _ = InflateEnd(_stream);
        Marshal.FreeHGlobal(_stream);
    }

    [DllImport(Library, EntryPoint = "zlibVersion")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern IntPtr ZlibVersion();

    [DllImport(Library, EntryPoint = "inflateInit_")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int InflateInit(IntPtr stream, IntPtr version, int streamSize);

    [DllImport(Library, EntryPoint = "inflate")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int InflateCall(IntPtr stream, int flush);

    [DllImport(Library, EntryPoint = "inflateSetDictionary")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int InflateSetDictionary(IntPtr stream, IntPtr dictionary, int length);

    [DllImport(Library, EntryPoint = "inflateEnd")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int InflateEnd(IntPtr stream);
}
