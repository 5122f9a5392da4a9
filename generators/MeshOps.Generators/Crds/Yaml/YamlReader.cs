using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace MeshOps.Generators.Crds.Yaml
{
    /// <summary>
    /// Reads the YAML that CRD files use: block mappings and sequences, plain, quoted and block (<c>|</c>, <c>&gt;</c>)
    /// scalars with chomping, comments, <c>---</c> documents and flow collections on one or more lines. Anchors, aliases,
    /// tags and complex keys are refused with a <see cref="YamlException"/> naming the line. A generator cannot easily carry
    /// a YAML library into the user's compiler, so this stays small and dependency-free.
    /// </summary>
    internal sealed class YamlReader
    {
        private readonly string[] _lines;
        private int _pos;
        private int _end;

        private YamlReader(string text)
        {
            _lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        }

        /// <summary>Every non-empty document in the text, in order.</summary>
        public static List<YamlNode> ReadDocuments(string text)
        {
            var reader = new YamlReader(text);
            var documents = new List<YamlNode>();
            var start = 0;
            for (var i = 0; i <= reader._lines.Length; i++)
            {
                if (i < reader._lines.Length && !IsDocumentMarker(reader._lines[i]))
                    continue;
                var node = reader.ReadDocument(start, i);
                if (node is not null)
                    documents.Add(node);
                start = i + 1;
            }

            return documents;
        }

        private static bool IsDocumentMarker(string line)
        {
            if (line.StartsWith("---", StringComparison.Ordinal) && (line.Length == 3 || line[3] == ' ' || line[3] == '\t'))
            {
                var rest = line.Substring(3).Trim();
                return rest.Length == 0 || rest[0] == '#';
            }

            return line.StartsWith("...", StringComparison.Ordinal) && line.Substring(3).Trim().Length == 0;
        }

        private YamlNode? ReadDocument(int start, int end)
        {
            _pos = start;
            _end = end;
            SkipInsignificant();
            if (_pos >= _end)
                return null;
            if (_lines[_pos].StartsWith("%", StringComparison.Ordinal))
                throw new YamlException(_pos + 1, "YAML directives are not supported.");

            var node = ParseBlock(-1);
            SkipInsignificant();
            if (_pos < _end)
                throw new YamlException(_pos + 1, "Unexpected content: check the indentation of this line.");
            return node;
        }

        private void SkipInsignificant()
        {
            while (_pos < _end && IsInsignificant(_lines[_pos]))
                _pos++;
        }

        private static bool IsInsignificant(string line)
        {
            var trimmed = line.TrimStart(' ', '\t');
            return trimmed.Length == 0 || trimmed[0] == '#';
        }

        private int Indent(int index)
        {
            var line = _lines[index];
            var n = 0;
            while (n < line.Length && line[n] == ' ')
                n++;
            if (n < line.Length && line[n] == '\t')
                throw new YamlException(index + 1, "Tabs cannot be used for indentation.");
            return n;
        }

        private static bool IsSequenceItem(string content) =>
            content == "-" || content.StartsWith("- ", StringComparison.Ordinal) || content.StartsWith("-\t", StringComparison.Ordinal);

        private YamlNode ParseBlock(int parentIndent)
        {
            SkipInsignificant();
            if (_pos >= _end)
                return new YamlScalar(Math.Max(_end, 1), string.Empty, quoted: false);

            var indent = Indent(_pos);
            if (indent <= parentIndent)
                return new YamlScalar(_pos + 1, string.Empty, quoted: false);

            var content = _lines[_pos].Substring(indent);
            if (IsSequenceItem(content))
                return ParseSequence(indent);
            if (TryKey(content, _pos, out _, out _))
                return ParseMapping(indent);
            return ParseInlineValue(content, parentIndent);
        }

        private YamlSequence ParseSequence(int indent)
        {
            var line = _pos + 1;
            var items = new List<YamlNode>();
            while (true)
            {
                SkipInsignificant();
                if (_pos >= _end)
                    break;
                var current = Indent(_pos);
                if (current < indent)
                    break;
                var content = _lines[_pos].Substring(current);
                if (current > indent)
                    throw new YamlException(_pos + 1, "Bad indentation of a sequence entry.");
                if (!IsSequenceItem(content))
                    break;

                var rest = content.Substring(1).TrimStart(' ', '\t');
                if (rest.Length == 0 || rest[0] == '#')
                {
                    _pos++;
                    items.Add(ParseBlock(indent));
                    continue;
                }

                // "- key: value" opens a node at the column of "key": re-read the line with the dash blanked out.
                var column = current + (content.Length - rest.Length);
                _lines[_pos] = new string(' ', column) + rest;
                items.Add(ParseBlock(indent));
            }

            return new YamlSequence(line, items);
        }

        private YamlMapping ParseMapping(int indent)
        {
            var line = _pos + 1;
            var entries = new List<KeyValuePair<YamlScalar, YamlNode>>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            while (true)
            {
                SkipInsignificant();
                if (_pos >= _end)
                    break;
                var current = Indent(_pos);
                if (current < indent)
                    break;
                if (current > indent)
                    throw new YamlException(_pos + 1, "Bad indentation of a mapping entry.");
                var content = _lines[_pos].Substring(current);
                if (IsSequenceItem(content))
                    throw new YamlException(_pos + 1, "A sequence entry cannot stand beside mapping keys at the same indentation.");
                if (!TryKey(content, _pos, out var key, out var restStart))
                    throw new YamlException(_pos + 1, "Expected 'key: value'.");
                if (!seen.Add(key.Value))
                    throw new YamlException(_pos + 1, $"Duplicate key '{key.Value}'.");

                var rest = content.Substring(restStart).TrimStart(' ', '\t');
                YamlNode value;
                if (rest.Length == 0 || rest[0] == '#')
                {
                    var keyLine = _pos + 1;
                    _pos++;
                    SkipInsignificant();
                    if (_pos < _end && Indent(_pos) > indent)
                        value = ParseBlock(indent);
                    else if (_pos < _end && Indent(_pos) == indent && IsSequenceItem(_lines[_pos].Substring(indent)))
                        value = ParseSequence(indent);
                    else
                        value = new YamlScalar(keyLine, string.Empty, quoted: false);
                }
                else
                {
                    value = ParseInlineValue(rest, indent);
                }

                entries.Add(new KeyValuePair<YamlScalar, YamlNode>(key, value));
            }

            return new YamlMapping(line, entries);
        }

        /// <summary>True when <paramref name="content"/> starts with a mapping key; <paramref name="restStart"/> indexes past the colon.</summary>
        private static bool TryKey(string content, int index, out YamlScalar key, out int restStart)
        {
            key = null!;
            restStart = 0;
            if (content.Length == 0)
                return false;
            var first = content[0];
            if (first == '"' || first == '\'')
            {
                var end = FindClosingQuote(content, 0);
                if (end < 0)
                    return false;
                var after = end + 1;
                while (after < content.Length && content[after] == ' ')
                    after++;
                if (after >= content.Length || content[after] != ':' || (after + 1 < content.Length && content[after + 1] != ' ' && content[after + 1] != '\t'))
                    return false;
                var raw = content.Substring(0, end + 1);
                key = new YamlScalar(index + 1, first == '"' ? UnescapeDouble(raw.Substring(1, raw.Length - 2), index + 1) : raw.Substring(1, raw.Length - 2).Replace("''", "'"), quoted: true);
                restStart = after + 1;
                return true;
            }

            if ("[{&*!|>%@`#".IndexOf(first) >= 0)
                return false;
            if (first == '?' && (content.Length == 1 || content[1] == ' '))
                throw new YamlException(index + 1, "Complex mapping keys ('? ') are not supported.");

            for (var i = 0; i < content.Length; i++)
            {
                var c = content[i];
                if (c == '#' && i > 0 && (content[i - 1] == ' ' || content[i - 1] == '\t'))
                    return false;
                if (c == ':' && (i + 1 == content.Length || content[i + 1] == ' ' || content[i + 1] == '\t'))
                {
                    var name = content.Substring(0, i).TrimEnd(' ', '\t');
                    if (name.Length == 0)
                        return false;
                    key = new YamlScalar(index + 1, name, quoted: false);
                    restStart = i + 1;
                    return true;
                }
            }

            return false;
        }

        private static int FindClosingQuote(string text, int open)
        {
            var quote = text[open];
            for (var i = open + 1; i < text.Length; i++)
            {
                if (quote == '"' && text[i] == '\\')
                {
                    i++;
                    continue;
                }

                if (text[i] == quote)
                {
                    if (quote == '\'' && i + 1 < text.Length && text[i + 1] == '\'')
                    {
                        i++;
                        continue;
                    }

                    return i;
                }
            }

            return -1;
        }

        /// <summary>A value that starts mid-way along the current line; leaves the position after its last line.</summary>
        private YamlNode ParseInlineValue(string text, int parentIndent)
        {
            var line = _pos + 1;
            switch (text[0])
            {
                case '&':
                case '*':
                    throw new YamlException(line, "Anchors and aliases are not supported.");
                case '!':
                    throw new YamlException(line, "Tags are not supported.");
                case '|':
                case '>':
                    return ParseBlockScalar(text, parentIndent);
                case '"':
                case '\'':
                    return ParseQuoted(text);
                case '[':
                case '{':
                    return ParseFlowValue(text);
                default:
                    return ParsePlain(text, parentIndent);
            }
        }

        private YamlScalar ParsePlain(string text, int parentIndent)
        {
            var line = _pos + 1;
            var builder = new StringBuilder(StripComment(text).TrimEnd(' ', '\t'));
            _pos++;
            var pendingBreaks = 0;
            while (_pos < _end)
            {
                var raw = _lines[_pos];
                var trimmed = raw.Trim(' ', '\t');
                if (trimmed.Length == 0)
                {
                    pendingBreaks++;
                    _pos++;
                    continue;
                }

                if (Indent(_pos) <= parentIndent || trimmed[0] == '#')
                    break;
                if (TryKey(trimmed, _pos, out _, out _) || IsSequenceItem(trimmed))
                    throw new YamlException(_pos + 1, "Bad indentation: this line continues a plain scalar but looks like a new entry.");
                builder.Append(pendingBreaks == 0 ? " " : new string('\n', pendingBreaks));
                builder.Append(StripComment(trimmed).TrimEnd(' ', '\t'));
                pendingBreaks = 0;
                _pos++;
            }

            return new YamlScalar(line, builder.ToString(), quoted: false);
        }

        private static string StripComment(string text)
        {
            for (var i = 1; i < text.Length; i++)
            {
                if (text[i] == '#' && (text[i - 1] == ' ' || text[i - 1] == '\t'))
                    return text.Substring(0, i);
            }

            return text;
        }

        private YamlScalar ParseQuoted(string text)
        {
            var line = _pos + 1;
            var quote = text[0];
            var joined = new StringBuilder(text);
            var endLine = _pos;
            int close;
            while ((close = FindClosingQuote(joined.ToString(), 0)) < 0)
            {
                endLine++;
                if (endLine >= _end)
                    throw new YamlException(line, $"Unterminated {(quote == '"' ? "double" : "single")}-quoted string.");
                var next = _lines[endLine].Trim(' ', '\t');
                var current = joined.ToString();
                joined.Clear();
                if (quote == '"' && current.EndsWith("\\", StringComparison.Ordinal) && !current.EndsWith("\\\\", StringComparison.Ordinal))
                {
                    joined.Append(current, 0, current.Length - 1).Append(next);
                }
                else
                {
                    joined.Append(current.TrimEnd(' ', '\t'));
                    joined.Append(next.Length == 0 ? "\n" : (current.EndsWith("\n", StringComparison.Ordinal) ? string.Empty : " "));
                    joined.Append(next);
                }
            }

            var all = joined.ToString();
            var after = all.Substring(close + 1).Trim(' ', '\t');
            if (after.Length > 0 && after[0] != '#')
                throw new YamlException(endLine + 1, "Unexpected text after a quoted string.");
            var inner = all.Substring(1, close - 1);
            var value = quote == '"' ? UnescapeDouble(inner, line) : inner.Replace("''", "'");
            _pos = endLine + 1;
            return new YamlScalar(line, value, quoted: true);
        }

        private static string UnescapeDouble(string text, int line)
        {
            if (text.IndexOf('\\') < 0)
                return text;
            var builder = new StringBuilder(text.Length);
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (c != '\\')
                {
                    builder.Append(c);
                    continue;
                }

                if (++i >= text.Length)
                    throw new YamlException(line, "A double-quoted string ends with a lone backslash.");
                switch (text[i])
                {
                    case 'n': builder.Append('\n'); break;
                    case 't': builder.Append('\t'); break;
                    case 'r': builder.Append('\r'); break;
                    case '0': builder.Append('\0'); break;
                    case '"': builder.Append('"'); break;
                    case '/': builder.Append('/'); break;
                    case '\\': builder.Append('\\'); break;
                    case ' ': builder.Append(' '); break;
                    case 'x': builder.Append(Hex(text, ref i, 2, line)); break;
                    case 'u': builder.Append(Hex(text, ref i, 4, line)); break;
                    case 'U': builder.Append(char.ConvertFromUtf32(int.Parse(HexDigits(text, ref i, 8, line), NumberStyles.HexNumber, CultureInfo.InvariantCulture))); break;
                    default: throw new YamlException(line, $"Unknown escape '\\{text[i]}' in a double-quoted string.");
                }
            }

            return builder.ToString();
        }

        private static char Hex(string text, ref int i, int digits, int line) =>
            (char)int.Parse(HexDigits(text, ref i, digits, line), NumberStyles.HexNumber, CultureInfo.InvariantCulture);

        private static string HexDigits(string text, ref int i, int digits, int line)
        {
            if (i + digits >= text.Length)
                throw new YamlException(line, "Truncated escape in a double-quoted string.");
            var hex = text.Substring(i + 1, digits);
            foreach (var c in hex)
            {
                if (!Uri.IsHexDigit(c))
                    throw new YamlException(line, $"Bad escape '{hex}' in a double-quoted string.");
            }

            i += digits;
            return hex;
        }

        private YamlScalar ParseBlockScalar(string header, int parentIndent)
        {
            var line = _pos + 1;
            var folded = header[0] == '>';
            var chomp = ' ';
            var explicitIndent = 0;
            var h = 1;
            for (; h < header.Length && header[h] != ' ' && header[h] != '\t'; h++)
            {
                var c = header[h];
                if ((c == '-' || c == '+') && chomp == ' ')
                    chomp = c;
                else if (c >= '1' && c <= '9' && explicitIndent == 0)
                    explicitIndent = c - '0';
                else
                    throw new YamlException(line, $"Bad block scalar header '{header}'.");
            }

            var tail = header.Substring(h).Trim(' ', '\t');
            if (tail.Length > 0 && tail[0] != '#')
                throw new YamlException(line, "Unexpected text after a block scalar header.");

            _pos++;
            var baseIndent = Math.Max(parentIndent, 0);
            var blockIndent = explicitIndent > 0 ? baseIndent + explicitIndent : -1;
            var content = new List<string>();
            while (_pos < _end)
            {
                var raw = _lines[_pos];
                if (raw.Trim(' ', '\t').Length == 0)
                {
                    content.Add(string.Empty);
                    _pos++;
                    continue;
                }

                var indent = Indent(_pos);
                if (blockIndent < 0)
                {
                    if (indent <= parentIndent)
                        break;
                    blockIndent = indent;
                }

                if (indent < blockIndent)
                    break;
                content.Add(raw.Substring(blockIndent));
                _pos++;
            }

            var trailing = 0;
            while (content.Count > 0 && content[content.Count - 1].Length == 0)
            {
                content.RemoveAt(content.Count - 1);
                trailing++;
            }

            var body = folded ? Fold(content) : string.Join("\n", content);
            string value;
            if (content.Count == 0)
                value = chomp == '+' ? new string('\n', trailing) : string.Empty;
            else if (chomp == '-')
                value = body;
            else if (chomp == '+')
                value = body + new string('\n', trailing + 1);
            else
                value = body + "\n";
            return new YamlScalar(line, value, quoted: true);
        }

        private static string Fold(List<string> lines)
        {
            var builder = new StringBuilder();
            var started = false;
            var pendingBreaks = 0;
            var previousMoreIndented = false;
            foreach (var text in lines)
            {
                if (text.Length == 0)
                {
                    pendingBreaks++;
                    continue;
                }

                var moreIndented = text[0] == ' ' || text[0] == '\t';
                if (started)
                {
                    if (pendingBreaks == 0)
                        builder.Append(previousMoreIndented || moreIndented ? "\n" : " ");
                    else
                        builder.Append('\n', previousMoreIndented || moreIndented ? pendingBreaks + 1 : pendingBreaks);
                }
                else
                {
                    builder.Append('\n', pendingBreaks);
                }

                builder.Append(text);
                pendingBreaks = 0;
                previousMoreIndented = moreIndented;
                started = true;
            }

            return builder.ToString();
        }

        private YamlNode ParseFlowValue(string text)
        {
            var line = _pos + 1;
            var joined = new StringBuilder(StripComment(text));
            var endLine = _pos;
            while (!FlowBalanced(joined.ToString()))
            {
                endLine++;
                if (endLine >= _end)
                    throw new YamlException(line, "Unterminated flow collection.");
                joined.Append(' ').Append(StripComment(_lines[endLine].Trim(' ', '\t')));
            }

            var parser = new FlowParser(joined.ToString(), line);
            var node = parser.ParseValue();
            parser.ExpectEnd();
            _pos = endLine + 1;
            return node;
        }

        private static bool FlowBalanced(string text)
        {
            var depth = 0;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (c == '"' || c == '\'')
                {
                    var close = FindClosingQuote(text, i);
                    if (close < 0)
                        return false;
                    i = close;
                }
                else if (c == '[' || c == '{')
                {
                    depth++;
                }
                else if (c == ']' || c == '}')
                {
                    depth--;
                }
            }

            return depth <= 0;
        }

        /// <summary>Flow collections (<c>[a, b]</c>, <c>{k: v}</c>) joined onto one logical line.</summary>
        private sealed class FlowParser
        {
            private readonly string _text;
            private readonly int _line;
            private int _i;

            public FlowParser(string text, int line)
            {
                _text = text;
                _line = line;
            }

            public void ExpectEnd()
            {
                SkipSpace();
                if (_i < _text.Length)
                    throw new YamlException(_line, "Unexpected text after a flow collection.");
            }

            public YamlNode ParseValue()
            {
                SkipSpace();
                if (_i >= _text.Length)
                    throw new YamlException(_line, "A flow collection ends early.");
                var c = _text[_i];
                if (c == '[')
                    return ParseSequence();
                if (c == '{')
                    return ParseMapping();
                return ParseScalar(inMapping: false);
            }

            private YamlSequence ParseSequence()
            {
                _i++;
                var items = new List<YamlNode>();
                while (true)
                {
                    SkipSpace();
                    if (_i >= _text.Length)
                        throw new YamlException(_line, "Unterminated flow sequence.");
                    if (_text[_i] == ']')
                    {
                        _i++;
                        return new YamlSequence(_line, items);
                    }

                    items.Add(ParseValue());
                    SkipSpace();
                    if (_i < _text.Length && _text[_i] == ',')
                        _i++;
                    else if (_i >= _text.Length || _text[_i] != ']')
                        throw new YamlException(_line, "Expected ',' or ']' in a flow sequence.");
                }
            }

            private YamlMapping ParseMapping()
            {
                _i++;
                var entries = new List<KeyValuePair<YamlScalar, YamlNode>>();
                while (true)
                {
                    SkipSpace();
                    if (_i >= _text.Length)
                        throw new YamlException(_line, "Unterminated flow mapping.");
                    if (_text[_i] == '}')
                    {
                        _i++;
                        return new YamlMapping(_line, entries);
                    }

                    var key = ParseScalar(inMapping: true);
                    SkipSpace();
                    YamlNode value;
                    if (_i < _text.Length && _text[_i] == ':')
                    {
                        _i++;
                        SkipSpace();
                        value = _i < _text.Length && (_text[_i] == ',' || _text[_i] == '}')
                            ? new YamlScalar(_line, string.Empty, quoted: false)
                            : ParseValue();
                    }
                    else
                    {
                        value = new YamlScalar(_line, string.Empty, quoted: false);
                    }

                    entries.Add(new KeyValuePair<YamlScalar, YamlNode>(key, value));
                    SkipSpace();
                    if (_i < _text.Length && _text[_i] == ',')
                        _i++;
                    else if (_i >= _text.Length || _text[_i] != '}')
                        throw new YamlException(_line, "Expected ',' or '}' in a flow mapping.");
                }
            }

            private YamlScalar ParseScalar(bool inMapping)
            {
                var c = _text[_i];
                if (c == '"' || c == '\'')
                {
                    var close = FindClosingQuote(_text, _i);
                    if (close < 0)
                        throw new YamlException(_line, "Unterminated quoted string in a flow collection.");
                    var inner = _text.Substring(_i + 1, close - _i - 1);
                    _i = close + 1;
                    return new YamlScalar(_line, c == '"' ? UnescapeDouble(inner, _line) : inner.Replace("''", "'"), quoted: true);
                }

                if (c == '&' || c == '*' || c == '!')
                    throw new YamlException(_line, "Anchors, aliases and tags are not supported.");
                var start = _i;
                while (_i < _text.Length)
                {
                    var d = _text[_i];
                    if (d == ',' || d == ']' || d == '}' || d == '[' || d == '{')
                        break;
                    if (d == ':' && (_i + 1 == _text.Length || _text[_i + 1] == ' ' || (inMapping && (_text[_i + 1] == ',' || _text[_i + 1] == '}'))))
                        break;
                    _i++;
                }

                return new YamlScalar(_line, _text.Substring(start, _i - start).Trim(' ', '\t'), quoted: false);
            }

            private void SkipSpace()
            {
                while (_i < _text.Length && (_text[_i] == ' ' || _text[_i] == '\t'))
                    _i++;
            }
        }
    }
}
