using System.Diagnostics;
using System.Security.Cryptography;

namespace MeshOps.Live.Tests.Paths;

/// <summary>
/// A real Linux network namespace (<c>ip netns</c>) with its loopback up, where a real process can listen, and whose
/// own /proc/net/tcp and tcp6 can be read as a pod's container would show them. Disposing ends the listener and
/// deletes the namespace; the listener also exits when its stdin closes, so it cannot outlive the test process.
/// </summary>
internal sealed class ListenerNamespace : IDisposable
{
    // Perl's core IO::Socket::INET (python3 where perl is missing): bind, listen, say so, then wait for stdin to close.
    private const string PerlListener =
        "use IO::Socket::INET; my $s = IO::Socket::INET->new(LocalAddr => $ARGV[0], LocalPort => $ARGV[1], Proto => 'tcp', Listen => 5, ReuseAddr => 1)"
        + " or die \"listen $ARGV[0]:$ARGV[1]: $!\\n\"; $| = 1; print \"listening\\n\"; 1 while <STDIN>;";

    private const string PythonListener =
        "import socket, sys\ns = socket.socket()\ns.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)\n"
        + "s.bind((sys.argv[1], int(sys.argv[2])))\ns.listen(5)\nprint('listening', flush=True)\nsys.stdin.read()\n";

    private static readonly TimeSpan CommandLimit = TimeSpan.FromSeconds(30);

    private static readonly Lazy<string?> Missing = new(FindMissing);

    private readonly List<Process> _listeners = [];

    private ListenerNamespace(string name)
    {
        Name = name;
    }

    public string Name { get; }

    /// <summary>Why these tests cannot run here (no permission for <c>ip netns add</c>, no perl or python3), or null.</summary>
    public static string? Unavailable => Missing.Value;

    public static ListenerNamespace Create()
    {
        var netns = new ListenerNamespace($"meshops-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}");
        Run("ip", "netns", "add", netns.Name);
        try
        {
            Run("ip", "-n", netns.Name, "link", "set", "lo", "up");
            return netns;
        }
        catch
        {
            netns.Dispose();
            throw;
        }
    }

    /// <summary>Gives the namespace's loopback one more address (e.g. 10.200.0.7/32) to bind, as a pod's eth0 has its pod IP.</summary>
    public void AddAddress(string cidr) => Run("ip", "-n", Name, "addr", "add", cidr, "dev", "lo");

    /// <summary>Starts a process in the namespace listening on address:port and returns once it listens.</summary>
    public void Listen(string address, int port)
    {
        var perl = Interpreter("perl") is not null;
        var start = new ProcessStartInfo("ip")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["netns", "exec", Name, perl ? "perl" : "python3", perl ? "-e" : "-c", perl ? PerlListener : PythonListener, address, port.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("ip netns exec did not start");
        _listeners.Add(process);
        if (process.StandardOutput.ReadLine() != "listening")
        {
            throw new InvalidOperationException($"The listener on {address}:{port} in {Name} did not start: {process.StandardError.ReadToEnd()}");
        }
    }

    /// <summary>The file as a process inside the namespace reads it (/proc/net/tcp is the reader's namespace's table).</summary>
    public string Read(string path) => Run("ip", "netns", "exec", Name, "cat", path);

    public void Dispose()
    {
        foreach (var listener in _listeners)
        {
            try
            {
                listener.StandardInput.Close();
                listener.Kill(entireProcessTree: true);
                listener.WaitForExit(CommandLimit);
            }
            catch (InvalidOperationException)
            {
                // already exited
            }

            listener.Dispose();
        }

        Run("ip", "netns", "del", Name);
    }

    private static string? FindMissing()
    {
        if (!OperatingSystem.IsLinux())
            return "network namespaces are Linux's";
        if (Interpreter("perl") is null && Interpreter("python3") is null)
            return "neither perl (with IO::Socket::INET) nor python3 is installed to listen inside a network namespace";
        var probe = $"meshops-probe-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";
        try
        {
            Run("ip", "netns", "add", probe);
        }
        catch (Exception failure) when (failure is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return $"'ip netns add' is not permitted here (it needs root or CAP_SYS_ADMIN and the iproute2 package): {failure.Message}";
        }

        Run("ip", "netns", "del", probe);
        return null;
    }

    private static string? Interpreter(string name)
    {
        try
        {
            var check = name == "perl" ? (string[])["-MIO::Socket::INET", "-e", "1"] : ["-c", "import socket"];
            Run(name, check);
            return name;
        }
        catch (Exception failure) when (failure is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    private static string Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(CommandLimit))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} did not finish within {CommandLimit.TotalSeconds} s");
        }

        return process.ExitCode == 0
            ? stdout.Result
            : throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited {process.ExitCode}: {stderr.Result.Trim()}");
    }
}
