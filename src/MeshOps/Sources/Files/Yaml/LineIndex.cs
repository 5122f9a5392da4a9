using System.Buffers;

namespace MeshOps.Sources.Files.Yaml;

/// <summary>
/// Where each line of a text starts and ends (without its line break), and how it is indented. Lines end at
/// <c>\n</c> or <c>\r\n</c>; <see cref="IsPlainText"/> is false when the text holds anything else YAML treats
/// specially (lone <c>\r</c>, NEL and Unicode separators, control characters, surrogates), which
/// <see cref="BlockYamlReader"/> leaves to YamlDotNet.
/// </summary>
internal sealed class LineIndex
{
    // Printable ASCII and the three controls a plain text may hold: a text of these alone is searched at vector speed.
    private static readonly SearchValues<char> PlainAscii = SearchValues.Create("\t\n\r !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~");

    private readonly string text;
    private readonly List<int> starts;
    private readonly List<int> ends;

    public LineIndex(string text)
    {
        this.text = text;
        var span = text.AsSpan();
        // Sized from a count of line breaks: grown by doubling, the lists of a 14 MB text were 16 MB of large arrays
        // on fresh memory (issue 13).
        var lines = span.Count('\n') + 1;
        starts = new List<int>(lines);
        ends = new List<int>(lines);
        for (var lineStart = 0; lineStart <= text.Length;)
        {
            var end = span[lineStart..].IndexOf('\n');
            if (end < 0)
            {
                if (lineStart < text.Length)
                    Add(lineStart, text.Length);
                break;
            }
            end += lineStart;
            Add(lineStart, end > lineStart && text[end - 1] == '\r' ? end - 1 : end);
            lineStart = end + 1;
        }
        IsPlainText = !HasSpecialCharacter(span) && !HasLoneCarriageReturn(span);
    }

    public bool IsPlainText { get; }

    public int Count => starts.Count;

    public int Start(int line) => starts[line];

    public int End(int line) => ends[line];

    public int Length(int line) => ends[line] - starts[line];

    /// <summary>Whether a line break follows the line (the last line of a file may lack one).</summary>
    public bool HasBreak(int line) => line + 1 < starts.Count || ends[line] < text.Length;

    /// <summary>The number of leading spaces: the column of the first other character (the length for a blank line).</summary>
    public int Indent(int line)
    {
        var i = starts[line];
        var end = ends[line];
        while (i < end && text[i] == ' ')
            i++;
        return i - starts[line];
    }

    public bool IsWhitespace(int line) => Indent(line) == Length(line);

    public bool HasTabIndent(int line)
    {
        var at = starts[line] + Indent(line);
        return at < ends[line] && text[at] == '\t';
    }

    // Controls other than tab and line breaks, DEL and the C1 controls, the Unicode line and paragraph separators, the
    // byte order mark and non-characters, and surrogates. Searched from one character outside plain ASCII to the next.
    private static bool HasSpecialCharacter(ReadOnlySpan<char> text)
    {
        for (var at = text.IndexOfAnyExcept(PlainAscii); at >= 0;)
        {
            var c = text[at];
            if (c < ' ' || c >= '\u007f' && (c <= '\u009f' || c is '\u2028' or '\u2029' or '\ufeff' or '\ufffe' or '\uffff' || char.IsSurrogate(c)))
                return true;
            var next = text[(at + 1)..].IndexOfAnyExcept(PlainAscii);
            at = next < 0 ? -1 : at + 1 + next;
        }
        return false;
    }

    private static bool HasLoneCarriageReturn(ReadOnlySpan<char> text)
    {
        for (var at = text.IndexOf('\r'); at >= 0;)
        {
            if (at + 1 == text.Length || text[at + 1] != '\n')
                return true;
            var next = text[(at + 1)..].IndexOf('\r');
            at = next < 0 ? -1 : at + 1 + next;
        }
        return false;
    }

    private void Add(int start, int end)
    {
        starts.Add(start);
        ends.Add(end);
    }
}
