using System.Globalization;
using System.Net;
using MeshOps.Secrets;

namespace MeshOps.Paths.Live;

/// <summary>
/// Reads the listening sockets out of the kernel's /proc/net/tcp and /proc/net/tcp6 (also both in one text, as
/// <c>cat /proc/net/tcp /proc/net/tcp6</c> prints them, a header line each). Reading the kernel's table needs nothing
/// in the image but <c>cat</c>, where netstat and ss are usually missing.
/// </summary>
internal static class ProcNetTcp
{
    // include/net/tcp_states.h: TCP_LISTEN = 10, printed by tcp4_seq_show as %02X.
    private const string ListenState = "0A";

    private const int QuoteLimit = 80;

    public static IReadOnlyList<ListeningSocket> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sockets = new List<ListeningSocket>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length == 0 || IsHeader(fields))
            {
                continue;
            }

            var socket = Entry(fields) ?? throw Malformed(i + 1, line);
            if (socket.Listening && !sockets.Contains(socket.Socket))
            {
                sockets.Add(socket.Socket);
            }
        }

        return sockets;
    }

    private static bool IsHeader(string[] fields) => fields[0] == "sl" && fields.Length > 1 && fields[1] == "local_address";

    private static (ListeningSocket Socket, bool Listening)? Entry(string[] fields)
    {
        if (fields.Length < 4 || !IsSlot(fields[0]) || Endpoint(fields[2]) is null || !IsHexByte(fields[3]))
        {
            return null;
        }

        return Endpoint(fields[1]) is { } local ? (local, fields[3].Equals(ListenState, StringComparison.OrdinalIgnoreCase)) : null;
    }

    private static bool IsSlot(string field) =>
        field.Length > 1 && field[^1] == ':' && int.TryParse(field.AsSpan(0, field.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out _);

    private static bool IsHexByte(string field) => field.Length == 2 && byte.TryParse(field, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out _);

    /// <summary><c>0100007F:2382</c> (IPv4) or 32 hex digits and a port (IPv6).</summary>
    private static ListeningSocket? Endpoint(string field)
    {
        var colon = field.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0 || field.Length - colon - 1 != 4
            || !ushort.TryParse(field.AsSpan(colon + 1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var port))
        {
            return null;
        }

        var address = Address(field[..colon]);
        return address is null ? null : new ListeningSocket(address, port);
    }

    /// <summary>
    /// The kernel prints each 32-bit word of the address with %08X in host byte order (IPv4: one word; IPv6: four),
    /// so on the little-endian hosts Kubernetes nodes run (x86-64, arm64) each word's bytes come out reversed.
    /// </summary>
    private static IPAddress? Address(string hex)
    {
        if (hex.Length is not (8 or 32))
        {
            return null;
        }

        byte[] bytes;
        try
        {
            bytes = Convert.FromHexString(hex);
        }
        catch (FormatException)
        {
            return null;
        }

        for (var word = 0; word < bytes.Length; word += 4)
        {
            Array.Reverse(bytes, word, 4);
        }

        return new IPAddress(bytes);
    }

    private static FormatException Malformed(int number, string line)
    {
        var cut = line.Length > QuoteLimit;
        var quoted = OutputText.Clean(cut ? line[..QuoteLimit] : line);
        return new FormatException(
            $"Line {number} of the /proc/net/tcp text is not a socket entry (sl: local_address rem_address st ...): '{quoted}'{(cut ? " (cut at 80 characters)" : "")}.");
    }
}
