using System.Text;

namespace MeshOps.Envoy.Server;

/// <summary>
/// Reads <c>/ready</c>: the state's name and a newline (server_info_handler.cc), answered with 200 for LIVE and 503
/// for every other state, so the body, not the status, says which state it is.
/// </summary>
public static class EnvoyReadyParser
{
    private const string Output = "/ready";

    /// <exception cref="EnvoyFormatException">The body is not one state name.</exception>
    public static EnvoyReadiness Parse(EnvoySource source, ReadOnlySpan<byte> utf8)
    {
        ArgumentNullException.ThrowIfNull(source);
        var text = Encoding.UTF8.GetString(utf8.TrimStart("\uFEFF"u8)).Trim();
        if (text.Length == 0 || text.Contains('\n', StringComparison.Ordinal) || text.Length > 64 || !text.All(c => char.IsAsciiLetterUpper(c) || c == '_'))
        {
            throw new EnvoyFormatException(source, Output, text.Length == 0 ? 0 : 1,
                "expected one state name such as LIVE or INITIALIZING, as Envoy's /ready answers.");
        }

        return EnvoyReadiness.From(source, EnvoyServerStates.Parse(text), text, info: null);
    }

    public static EnvoyReadiness Parse(EnvoySource source, string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return Parse(source, Encoding.UTF8.GetBytes(content));
    }
}
