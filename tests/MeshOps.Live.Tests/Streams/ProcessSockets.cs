using System.Globalization;

namespace MeshOps.Live.Tests.Streams;

/// <summary>
/// The listening TCP sockets this process holds: listening entries of /proc/net/tcp and tcp6 whose inode is one of
/// this process's file descriptors (other processes on the machine do not count).
/// </summary>
internal static class ProcessSockets
{
    private const string Listen = "0A";

    public static IReadOnlySet<long> Listening()
    {
        var own = new HashSet<long>();
        foreach (var fd in Directory.EnumerateFileSystemEntries("/proc/self/fd"))
        {
            string? target;
            try
            {
                target = new FileInfo(fd).LinkTarget;
            }
            catch (IOException)
            {
                continue; // closed while enumerating
            }

            if (target is not null && target.StartsWith("socket:[", StringComparison.Ordinal))
                own.Add(long.Parse(target["socket:[".Length..^1], CultureInfo.InvariantCulture));
        }

        var listening = new HashSet<long>();
        foreach (var table in new[] { "/proc/self/net/tcp", "/proc/self/net/tcp6" })
        {
            foreach (var line in File.ReadLines(table).Skip(1))
            {
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length > 9 && fields[3] == Listen && long.TryParse(fields[9], NumberStyles.None, CultureInfo.InvariantCulture, out var inode) && own.Contains(inode))
                    listening.Add(inode);
            }
        }

        return listening;
    }
}
