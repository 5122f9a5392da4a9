namespace MeshOps.Envoy.Errors;

/// <summary>
/// A Linux socket error as Envoy reports a failed connect: older Envoy prints the errno (<c>delayed connect error: 111</c>),
/// Envoy from about 1.31 the text (<c>delayed connect error: Connection refused</c>, PR #35154). Both map to one entry.
/// </summary>
public sealed record SocketError(int Number, string Name, string Message)
{
    private static readonly SocketError[] Known =
    [
        new(111, "ECONNREFUSED", "Connection refused"),
        new(110, "ETIMEDOUT", "Connection timed out"),
        new(113, "EHOSTUNREACH", "No route to host"),
        new(104, "ECONNRESET", "Connection reset by peer"),
        new(101, "ENETUNREACH", "Network is unreachable"),
        new(99, "EADDRNOTAVAIL", "Cannot assign requested address"),
    ];

    /// <summary>The error a transport failure names by number or by text; null for one MeshOps does not know.</summary>
    public static SocketError? Find(string numberOrMessage)
    {
        var text = numberOrMessage.Trim().Replace('_', ' ');
        return Known.FirstOrDefault(e =>
            string.Equals(text, e.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            || string.Equals(text, e.Message, StringComparison.OrdinalIgnoreCase)
            || string.Equals(text, e.Name, StringComparison.Ordinal));
    }

    public override string ToString() => $"{Number} {Name} ({Message})";
}
