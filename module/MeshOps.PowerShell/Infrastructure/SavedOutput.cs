using System.Text;

namespace MeshOps.PowerShell.Infrastructure;

/// <summary>What a saved admin answer is, read from its content (never its extension): JSON begins with <c>{</c>.</summary>
internal static class SavedOutput
{
    public static bool IsJson(ReadOnlySpan<byte> content)
    {
        var text = Text(content).AsSpan().TrimStart();
        return text.Length > 0 && text[0] == '{';
    }

    /// <summary>The content as text, without the byte order mark Windows editors and Out-File add.</summary>
    public static string Text(ReadOnlySpan<byte> content) =>
        Encoding.UTF8.GetString(content.StartsWith(Encoding.UTF8.Preamble) ? content[Encoding.UTF8.Preamble.Length..] : content);
}
