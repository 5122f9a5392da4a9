namespace MeshOps.Sources.Files.Yaml;

/// <summary>
/// Where each line of a text starts and ends (without its line break), and how it is indented. Lines end at
/// <c>\n</c> or <c>\r\n</c>; <see cref="IsPlainText"/> is false when the text holds anything else YAML treats
/// specially (lone <c>\r</c>, NEL and Unicode separators, control characters, surrogates), which
/// <see cref="BlockYamlReader"/> leaves to YamlDotNet.
/// </summary>
internal sealed class LineIndex
{
    private readonly string text;
    private readonly List<int> starts = [];
    private readonly List<int> ends = [];

    public LineIndex(string text)
    {
        this.text = text;
        var lineStart = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                Add(lineStart, i > lineStart && text[i - 1] == '\r' ? i - 1 : i);
                lineStart = i + 1;
            }
            else if (c < ' ' && c is not ('\t' or '\r') || c is '\r' && (i + 1 == text.Length || text[i + 1] != '\n') ||
                     c >= '\u007f' && (c <= '\u009f' || c is '\u2028' or '\u2029' or '\ufeff' or '\ufffe' or '\uffff' || char.IsSurrogate(c)))
            {
                IsPlainText = false;
            }
        }
        if (lineStart < text.Length)
            Add(lineStart, text.Length);
    }

    public bool IsPlainText { get; } = true;

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

    private void Add(int start, int end)
    {
        starts.Add(start);
        ends.Add(end);
    }
}
