using System.Buffers;
using System.Globalization;
using System.Text;

namespace MeshOps.Secrets;

/// <summary>
/// The last pass over every text MeshOps returns or prints (findings, evidence, load errors, warnings, skipped
/// documents, error records): credentials masked, and control characters written as escapes. A manifest can name an
/// object or a label with ESC[2J or an OSC 8 hyperlink; printed raw, it would clear or rewrite the report on the
/// user's terminal (issue 10), so no control character leaves the SDK as itself.
/// </summary>
public static class OutputText
{
    // C0, DEL and C1 controls (ESC, CSI, OSC, BEL, CR...) and the bidirectional overrides that reorder what is shown.
    private static readonly SearchValues<char> Unsafe = SearchValues.Create(
        string.Concat(
            Enumerable.Range(0, 0x20).Concat(Enumerable.Range(0x7F, 0x21)).Concat(Enumerable.Range(0x202A, 5)).Concat(Enumerable.Range(0x2066, 4))
                .Select(code => (char)code)));

    /// <summary>The text with credentials masked (<see cref="SecretRedactor.Redact"/>) and control characters escaped.</summary>
    public static string Clean(string text) => EscapeControls(SecretRedactor.Redact(text));

    /// <summary>Null stays null; any other text is <see cref="Clean(string)"/>ed.</summary>
    public static string? CleanOrNull(string? text) => text is null ? null : Clean(text);

    /// <summary>
    /// Each control character as <c>\xNN</c> (<c>\u202e</c> above 0xFF), so ESC[2J reads <c>\x1b[2J</c>; the same
    /// instance when there is none, which is nearly always.
    /// </summary>
    public static string EscapeControls(string text)
    {
        var first = text.AsSpan().IndexOfAny(Unsafe);
        if (first < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16).Append(text, 0, first);
        foreach (var c in text.AsSpan(first))
        {
            if (!Unsafe.Contains(c))
            {
                builder.Append(c);
            }
            else if (c <= 0xFF)
            {
                builder.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }
}
