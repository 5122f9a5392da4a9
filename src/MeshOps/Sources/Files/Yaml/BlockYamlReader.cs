namespace MeshOps.Sources.Files.Yaml;

/// <summary>
/// A fast reader for the plain block YAML that kubectl, Helm and people write: block mappings and sequences,
/// plain and quoted one-line scalars, literal block scalars, comments and <c>---</c>. YamlDotNet's general parser
/// spends most of a load allocating tokens and events; this reader walks the text once and builds the same
/// <see cref="ParsedNode"/> tree directly. It never decides anything it is unsure of: on any other construct
/// (anchors, tags, flow collections, folded or multi-line scalars, tabs in indentation, errors) it stops and
/// reports the line where the current document began, and <see cref="YamlDocumentReader"/> reads from there with
/// YamlDotNet, which also produces every error message. A differential test keeps the two readers' trees identical.
/// </summary>
internal sealed class BlockYamlReader(string text, KeyPool keys, ValuePool values, int maxDepth, int maxNodes)
{
    private readonly LineIndex lines = new(text);
    private readonly ChildBuffers scratch = new();
    private int line;
    private int nodeCount;

    /// <summary>The line (0-based) at which the document that could not be read begins.</summary>
    public int ResumeLine { get; private set; }

    /// <summary>The text from <see cref="ResumeLine"/> on, preceded by as many line breaks, so positions stay true.</summary>
    public string RemainingText() =>
        ResumeLine == 0 ? text : string.Concat(new string('\n', ResumeLine), text.AsSpan(lines.Start(ResumeLine)));

    public BlockReadOutcome TryReadNext(out ParsedNode? root)
    {
        root = null;
        var start = line;
        if (!lines.IsPlainText)
            return Unsupported(start);
        try
        {
            SkipBlankLines();
            if (line >= lines.Count)
                return BlockReadOutcome.End;
            start = line;
            if (IsDocumentMarker(line, '-'))
            {
                if (!RestIsBlank(line, 3))
                    return Unsupported(start);
                line++;
                SkipBlankLines();
                // An empty document between markers (or at the end) is rare enough to leave to YamlDotNet.
                if (AtBlockEnd())
                    return Unsupported(start);
            }
            else if (IsDocumentMarker(line, '.') || Char(line, lines.Indent(line)) == '%')
            {
                return Unsupported(start);
            }
            nodeCount = 0;
            var node = ReadNode(line, lines.Indent(line), parentIndent: -1, depth: 0);
            if (node is ParsedScalar)
                return Unsupported(start);
            SkipBlankLines();
            if (line < lines.Count && !IsDocumentMarker(line, '-'))
                return Unsupported(start);
            root = node;
            return BlockReadOutcome.Document;
        }
        catch (UnsupportedYamlException)
        {
            return Unsupported(start);
        }
    }

    private BlockReadOutcome Unsupported(int start)
    {
        ResumeLine = start;
        return BlockReadOutcome.Unsupported;
    }

    /// <summary>A node whose first character is at (<paramref name="at"/>, <paramref name="column"/>); compact forms start mid-line.</summary>
    private ParsedNode ReadNode(int at, int column, int parentIndent, int depth)
    {
        if (IsSequenceItem(at, column))
            return ReadSequence(at, column, depth);
        if (TryReadKey(at, column, out _))
            return ReadMapping(at, column, depth);
        return ReadInlineValue(at, column, parentIndent);
    }

    private ParsedMapping ReadMapping(int at, int indent, int depth)
    {
        Enter(depth);
        var entries = scratch.Entries(depth);
        var column = indent;
        var startLine = at;
        var keySet = new KeySet();
        while (true)
        {
            if (!TryReadKey(line, column, out var key))
                throw new UnsupportedYamlException();
            Count();
            if (key.Text == "<<" && key.Plain || !keySet.TryAdd(key.Text, entries, out _))
                throw new UnsupportedYamlException();
            var value = ReadValueAfterIndicator(line, key.ValueStart, indent, depth + 1, key.Text);
            entries.Add(new MappingEntry(key.Text, key.Line + 1, column + 1, value));
            SkipBlankLines();
            if (AtBlockEnd())
                break;
            var next = lines.Indent(line);
            if (next < indent)
                break;
            if (next > indent)
                throw new UnsupportedYamlException();
            column = next;
        }
        return new ParsedMapping(startLine + 1, indent + 1, [.. entries]);
    }

    /// <summary>The value after <c>key:</c> or <c>- </c>: on the same line, on the lines below, or absent (null).</summary>
    private ParsedNode ReadValueAfterIndicator(int at, int position, int indent, int depth, string? key)
    {
        var valueColumn = SkipSpaces(at, position);
        // Only a sequence item may hold a compact mapping or sequence on its own line ("- name: web").
        if (!AtLineEnd(at, valueColumn))
            return key is null ? ReadNode(at, valueColumn, indent, depth) : ReadInlineValue(at, valueColumn, indent);
        line = at + 1;
        SkipBlankLines();
        if (!AtBlockEnd())
        {
            var next = lines.Indent(line);
            if (next > indent)
                return ReadNode(line, next, indent, depth);
            // "key:" followed by "- item" at the key's own indentation is a sequence value.
            if (key is not null && next == indent && IsSequenceItem(line, next))
                return ReadSequence(line, next, depth);
        }
        Count();
        // YamlDotNet places an absent value right after the indicator's separating space.
        return new ParsedScalar(at + 1, position + 1, "", ScalarType.Null);
    }

    private ParsedSequence ReadSequence(int at, int indent, int depth)
    {
        Enter(depth);
        var items = scratch.Items(depth);
        line = at;
        while (true)
        {
            Count();
            items.Add(ReadValueAfterIndicator(line, indent + 1, indent, depth + 1, key: null));
            SkipBlankLines();
            if (AtBlockEnd())
                break;
            var next = lines.Indent(line);
            if (next < indent)
                break;
            if (next > indent)
                throw new UnsupportedYamlException();
            if (!IsSequenceItem(line, next))
                break;
        }
        return new ParsedSequence(at + 1, indent + 1, [.. items]);
    }

    /// <summary>A scalar or empty collection that starts at <paramref name="column"/>; leaves <see cref="line"/> after it.</summary>
    private ParsedNode ReadInlineValue(int at, int column, int parentIndent)
    {
        var c = Char(at, column);
        ParsedNode node;
        int end;
        switch (c)
        {
            case '|':
                Count();
                return ReadLiteralBlock(at, column, parentIndent);
            case '"':
                node = new ParsedScalar(at + 1, column + 1, ReadDoubleQuoted(at, column, out end), ScalarType.String);
                break;
            case '\'':
                node = new ParsedScalar(at + 1, column + 1, ReadSingleQuoted(at, column, out end), ScalarType.String);
                break;
            case '{' when Char(at, column + 1) == '}':
                node = new ParsedMapping(at + 1, column + 1, []);
                end = column + 2;
                break;
            case '[' when Char(at, column + 1) == ']':
                node = new ParsedSequence(at + 1, column + 1, []);
                end = column + 2;
                break;
            default:
                var value = ReadPlain(at, column, out end);
                node = new ParsedScalar(at + 1, column + 1, value, ScalarTypeResolver.Resolve(value, isPlain: true, tag: null));
                break;
        }
        Count();
        if (!AtLineEnd(at, SkipSpaces(at, end)))
            throw new UnsupportedYamlException();
        line = at + 1;
        return node;
    }

    private string ReadPlain(int at, int column, out int end)
    {
        var c = Char(at, column);
        if (IsIndicator(c) && !(c == '-' && IsPlainSafe(Char(at, column + 1))))
            throw new UnsupportedYamlException();
        var lineStart = lines.Start(at);
        var stop = lines.End(at);
        var first = lineStart + column;
        var afterLast = first;
        for (var i = first; i < stop; i++)
        {
            var ch = text[i];
            if (ch == '#' && text[i - 1] is ' ' or '\t')
                break;
            // ": " inside a value is a YAML error; let YamlDotNet say so.
            if (ch == ':' && (i + 1 == stop || text[i + 1] is ' ' or '\t'))
                throw new UnsupportedYamlException();
            if (ch is not (' ' or '\t'))
                afterLast = i + 1;
        }
        end = afterLast - lineStart;
        return values.Get(text, first, afterLast - first);
    }

    private string ReadSingleQuoted(int at, int column, out int end)
    {
        var start = lines.Start(at);
        var stop = lines.End(at);
        System.Text.StringBuilder? unescaped = null;
        var runStart = start + column + 1;
        for (var i = runStart; i < stop; i++)
        {
            if (text[i] != '\'')
                continue;
            if (i + 1 < stop && text[i + 1] == '\'')
            {
                (unescaped ??= new()).Append(text, runStart, i + 1 - runStart);
                runStart = i + 2;
                i++;
                continue;
            }
            end = i + 1 - start;
            if (unescaped is null)
                return values.Get(text, runStart, i - runStart);
            return unescaped.Append(text, runStart, i - runStart).ToString();
        }
        throw new UnsupportedYamlException();
    }

    private string ReadDoubleQuoted(int at, int column, out int end)
    {
        var start = lines.Start(at);
        var stop = lines.End(at);
        System.Text.StringBuilder? unescaped = null;
        var runStart = start + column + 1;
        for (var i = runStart; i < stop; i++)
        {
            var ch = text[i];
            if (ch == '"')
            {
                end = i + 1 - start;
                if (unescaped is null)
                    return values.Get(text, runStart, i - runStart);
                return unescaped.Append(text, runStart, i - runStart).ToString();
            }
            if (ch != '\\')
                continue;
            if (i + 1 >= stop)
                throw new UnsupportedYamlException();
            unescaped ??= new();
            unescaped.Append(text, runStart, i - runStart);
            var escape = text[i + 1];
            unescaped.Append(escape switch
            {
                '\\' => '\\',
                '"' => '"',
                '/' => '/',
                'n' => '\n',
                't' => '\t',
                'r' => '\r',
                '0' => '\0',
                _ => throw new UnsupportedYamlException(),
            });
            i++;
            runStart = i + 1;
        }
        throw new UnsupportedYamlException();
    }

    /// <summary><c>|</c>, <c>|-</c> or <c>|+</c> with the indentation taken from the first non-empty line.</summary>
    private ParsedScalar ReadLiteralBlock(int at, int column, int parentIndent)
    {
        var chomping = Char(at, column + 1);
        var headerEnd = column + 1;
        if (chomping == '+')
            throw new UnsupportedYamlException();
        if (chomping == '-')
            headerEnd++;
        else
            chomping = ' ';
        if (!AtLineEnd(at, SkipSpaces(at, headerEnd)) || headerEnd < lines.Length(at) && text[lines.Start(at) + headerEnd] is not (' ' or '\t'))
            throw new UnsupportedYamlException();

        var first = at + 1;
        var contentIndent = -1;
        var maxLeadingBlank = 0;
        var next = first;
        for (; next < lines.Count; next++)
        {
            if (lines.IsWhitespace(next))
            {
                maxLeadingBlank = Math.Max(maxLeadingBlank, lines.Length(next));
                continue;
            }
            contentIndent = lines.Indent(next);
            break;
        }
        // YamlDotNet refuses some leading blank lines that hold spaces; such input is rare enough to leave to it.
        if (contentIndent <= parentIndent || contentIndent < 0 || maxLeadingBlank > 0 || lines.HasTabIndent(next))
            throw new UnsupportedYamlException();

        var value = new System.Text.StringBuilder();
        var pendingBreaks = 0;
        var last = first;
        for (var i = first; i < lines.Count; i++)
        {
            if (lines.IsWhitespace(i) && lines.Length(i) <= contentIndent)
            {
                pendingBreaks++;
                continue;
            }
            if (lines.Indent(i) < contentIndent)
                break;
            if (value.Length > 0 || pendingBreaks > 0)
                value.Append('\n', value.Length > 0 ? pendingBreaks + 1 : pendingBreaks);
            pendingBreaks = 0;
            value.Append(text, lines.Start(i) + contentIndent, lines.Length(i) - contentIndent);
            last = i + 1;
        }
        // Clip keeps the content's final line break, if the text has one there.
        if (chomping != '-' && value.Length > 0 && lines.HasBreak(last - 1))
            value.Append('\n');
        line = last;
        return new ParsedScalar(at + 1, column + 1, value.ToString(), ScalarType.String);
    }

    private bool TryReadKey(int at, int column, out KeyToken key)
    {
        key = default;
        var start = lines.Start(at);
        var stop = lines.End(at);
        var c = Char(at, column);
        string keyText;
        int afterKey;
        bool plain;
        if (c is '"' or '\'')
        {
            int end;
            try
            {
                keyText = c == '"' ? ReadDoubleQuoted(at, column, out end) : ReadSingleQuoted(at, column, out end);
            }
            catch (UnsupportedYamlException)
            {
                return false;
            }
            afterKey = SkipSpaces(at, end);
            plain = false;
        }
        else
        {
            if (IsIndicator(c) && !(c == '-' && IsPlainSafe(Char(at, column + 1))))
                return false;
            var i = start + column;
            for (; i < stop; i++)
            {
                var ch = text[i];
                if (ch == '#' && i > start && text[i - 1] is ' ' or '\t')
                    return false;
                if (ch == ':' && (i + 1 == stop || text[i + 1] is ' ' or '\t'))
                    break;
            }
            if (i >= stop)
                return false;
            var keyEnd = i;
            while (keyEnd > start + column && text[keyEnd - 1] is ' ' or '\t')
                keyEnd--;
            keyText = keys.Intern(text.AsSpan(start + column, keyEnd - start - column));
            afterKey = i - start;
            plain = true;
        }
        if (Char(at, afterKey) != ':' || !(afterKey + 1 >= lines.Length(at) || Char(at, afterKey + 1) == ' '))
            return false;
        key = new KeyToken(keyText, plain, at, afterKey + 1);
        return true;
    }

    private void Enter(int depth)
    {
        if (depth >= maxDepth)
            throw new UnsupportedYamlException();
    }

    private void Count()
    {
        if (++nodeCount > maxNodes)
            throw new UnsupportedYamlException();
    }

    private void SkipBlankLines()
    {
        while (line < lines.Count)
        {
            if (lines.HasTabIndent(line))
                throw new UnsupportedYamlException();
            if (!lines.IsWhitespace(line) && Char(line, lines.Indent(line)) != '#')
                return;
            line++;
        }
    }

    /// <summary>The end of the text or a document marker: no block continues past it.</summary>
    private bool AtBlockEnd() => line >= lines.Count || IsDocumentMarker(line, '-') || IsDocumentMarker(line, '.');

    private bool IsSequenceItem(int at, int column) =>
        Char(at, column) == '-' && (column + 1 >= lines.Length(at) || Char(at, column + 1) == ' ') && !IsDocumentMarker(at, '-');

    private bool IsDocumentMarker(int at, char marker) =>
        lines.Length(at) >= 3 && Char(at, 0) == marker && Char(at, 1) == marker && Char(at, 2) == marker &&
        (lines.Length(at) == 3 || Char(at, 3) is ' ' or '\t');

    private bool RestIsBlank(int at, int column) => AtLineEnd(at, SkipSpaces(at, column));

    /// <summary>End of line or a comment; tabs are left to YamlDotNet, whose rules for them are subtle.</summary>
    private bool AtLineEnd(int at, int column) =>
        column >= lines.Length(at) || Char(at, column) == '#' && column > 0 && Char(at, column - 1) == ' ';

    private int SkipSpaces(int at, int column)
    {
        var length = lines.Length(at);
        while (column < length && Char(at, column) == ' ')
            column++;
        if (column < length && Char(at, column) == '\t')
            throw new UnsupportedYamlException();
        return column;
    }

    private char Char(int at, int column) => column < lines.Length(at) ? text[lines.Start(at) + column] : '\n';

    private static bool IsIndicator(char c) => c is '-' or '?' or ':' or ',' or '[' or ']' or '{' or '}' or '#' or '&' or '*' or '!' or '|' or '>' or '\'' or '"' or '%' or '@' or '`';

    private static bool IsPlainSafe(char c) => c is not (' ' or '\t' or '\n');

    private readonly record struct KeyToken(string Text, bool Plain, int Line, int ValueStart);

    /// <summary>Thrown inside the reader only: the input uses something it leaves to YamlDotNet.</summary>
    private sealed class UnsupportedYamlException : Exception;
}

internal enum BlockReadOutcome
{
    Document,
    End,
    Unsupported,
}
