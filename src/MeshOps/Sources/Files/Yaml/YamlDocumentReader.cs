using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace MeshOps.Sources.Files.Yaml;

/// <summary>
/// Turns YAML (or JSON) text into one <see cref="ParsedNode"/> tree per document. Builds its own small
/// tree from parser events rather than YamlDotNet's representation model so that it can bound nesting
/// (deep input would overflow the stack), refuse non-scalar keys, and keep going after a bad document.
/// </summary>
internal sealed class YamlDocumentReader(int maxDepth, int maxNodesPerDocument)
{
    private const string MergeKey = "<<";

    // One for every text this reader reads: the files of one load repeat each other's values.
    private readonly ValuePool values = new();

    /// <summary>Documents in order. A syntax error or excessive nesting ends the stream; other problems skip one document.</summary>
    public IEnumerable<ParsedDocument> Read(string text)
    {
        var keys = new KeyPool();
        var blockReader = new BlockYamlReader(text, keys, values, maxDepth, maxNodesPerDocument);
        while (true)
        {
            switch (blockReader.TryReadNext(out var root))
            {
                case BlockReadOutcome.Document:
                    yield return new ParsedDocument(root, null);
                    continue;
                case BlockReadOutcome.End:
                    yield break;
            }
            break;
        }
        foreach (var document in ReadWithYamlDotNet(blockReader.RemainingText(), keys))
            yield return document;
    }

    /// <summary>The general path: everything the block reader leaves alone, and every error message.</summary>
    internal IEnumerable<ParsedDocument> ReadWithYamlDotNet(string text, KeyPool? keys = null)
    {
        var parser = new Parser(new StringReader(text));
        var state = new StreamState(parser, keys ?? new KeyPool(), values, text);
        while (TryReadNext(state, out var document))
            yield return document;
    }

    private bool TryReadNext(StreamState state, out ParsedDocument document)
    {
        document = null!;
        if (state.Finished)
            return false;
        try
        {
            if (state.SkipToDocumentEnd)
                SkipRestOfDocument(state);
            var parser = state.Parser;
            if (parser.Current is null)
                parser.Consume<StreamStart>();
            if (parser.TryConsume<StreamEnd>(out _))
            {
                state.Finished = true;
                return false;
            }
            parser.Consume<DocumentStart>();
            var builder = new TreeBuilder(parser, state.Keys, state.Values, state.Scratch, maxDepth, maxNodesPerDocument);
            try
            {
                document = new ParsedDocument(builder.ReadNode(0), null, builder.HasAliases, builder.Warnings);
            }
            catch (RejectedDocumentException rejected)
            {
                // YamlDotNet's scanner does work proportional to the flow depth on every token, so
                // skipping the rest of a hostile, deeply nested document could take minutes: stop the file instead.
                if (rejected.ErrorId == LoadErrorIds.NestingTooDeep)
                    state.Finished = true;
                else
                    state.SkipToDocumentEnd = true;
                document = new ParsedDocument(null, rejected);
                return true;
            }
            parser.Consume<DocumentEnd>();
            return true;
        }
        catch (YamlException syntax)
        {
            state.Finished = true;
            var (line, column) = ((int)syntax.Start.Line, (int)syntax.Start.Column);
            if (TabIndentation.IsTabError(syntax.Message)
                && TabIndentation.Find(state.Text, (int)(state.Parser.Current?.End.Line ?? 1)) is { } tab)
            {
                (line, column) = tab;
            }

            document = new ParsedDocument(null, new RejectedDocumentException(LoadErrorIds.YamlSyntax, line, column, DescribeSyntaxError(syntax)));
            return true;
        }
        // On some malformed input YamlDotNet throws other exception types (fuzzing found InvalidOperationException
        // from the scanner and ArgumentException for bad tags); the last event it produced is the best position we have.
        catch (Exception parserFailure) when (parserFailure is not (RejectedDocumentException or OutOfMemoryException))
        {
            state.Finished = true;
            var near = state.Parser.Current?.End ?? Mark.Empty;
            document = new ParsedDocument(null, new RejectedDocumentException(
                LoadErrorIds.YamlSyntax, (int)near.Line, (int)near.Column, $"YAML syntax error shortly after this point: {parserFailure.Message}"));
            return true;
        }
    }

    private static void SkipRestOfDocument(StreamState state)
    {
        state.SkipToDocumentEnd = false;
        while (!state.Parser.TryConsume<DocumentEnd>(out _))
            state.Parser.MoveNext();
    }

    /// <summary>YamlDotNet prefixes its messages with both marks; the location is reported separately.</summary>
    private static string DescribeSyntaxError(YamlException syntax)
    {
        var message = syntax.Message;
        var end = message.StartsWith('(') ? message.IndexOf("): ", StringComparison.Ordinal) : -1;
        return "YAML syntax error: " + (end >= 0 ? message[(end + 3)..] : message);
    }

    private sealed class StreamState(IParser parser, KeyPool keys, ValuePool values, string text)
    {
        public string Text { get; } = text;

        public IParser Parser { get; } = parser;

        public bool Finished { get; set; }

        public bool SkipToDocumentEnd { get; set; }

        public KeyPool Keys { get; } = keys;

        public ValuePool Values { get; } = values;

        public ChildBuffers Scratch { get; } = new();
    }

    /// <summary>Builds one document. Anchors are registered once their node is complete, so a node cannot contain itself.</summary>
    private sealed class TreeBuilder(IParser parser, KeyPool keyPool, ValuePool valuePool, ChildBuffers scratch, int maxDepth, int maxNodes)
    {
        private Dictionary<string, ParsedNode>? anchors;
        private List<DocumentWarning>? warnings;
        private int nodeCount;

        public bool HasAliases { get; private set; }

        public IReadOnlyList<DocumentWarning>? Warnings => warnings;

        public ParsedNode ReadNode(int depth)
        {
            var current = parser.Current ?? throw new YamlException("Unexpected end of input.");
            CountNodes(1, current.Start);
            switch (current)
            {
                case AnchorAlias alias:
                    parser.MoveNext();
                    return ResolveAlias(alias);
                case Scalar scalar:
                    parser.MoveNext();
                    return Anchor(scalar.Anchor, ToScalar(scalar));
                case SequenceStart start:
                    return Anchor(start.Anchor, ReadSequence(start, depth));
                case MappingStart start:
                    return Anchor(start.Anchor, ReadMapping(start, depth));
                default:
                    throw new YamlException(current.Start, current.End, $"Unexpected {current.GetType().Name}.");
            }
        }

        private ParsedSequence ReadSequence(SequenceStart start, int depth)
        {
            EnsureDepth(depth, start);
            parser.MoveNext();
            var items = scratch.Items(depth);
            while (!parser.TryConsume<SequenceEnd>(out _))
                items.Add(ReadNode(depth + 1));
            return new ParsedSequence((int)start.Start.Line, (int)start.Start.Column, [.. items]);
        }

        private ParsedMapping ReadMapping(MappingStart start, int depth)
        {
            EnsureDepth(depth, start);
            parser.MoveNext();
            var entries = scratch.Entries(depth);
            var keys = new KeySet();
            List<ParsedNode>? merges = null;
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var keyEvent = parser.Current!;
                var key = ReadKey(depth + 1);
                var value = ReadNode(depth + 1);
                if (key == MergeKey && keyEvent is Scalar { Style: ScalarStyle.Plain })
                {
                    (merges ??= []).Add(value);
                    continue;
                }
                var entry = new MappingEntry(key, (int)keyEvent.Start.Line, (int)keyEvent.Start.Column, value);
                if (keys.TryAdd(key, entries, out var earlier))
                    entries.Add(entry);
                else
                    entries[earlier] = Repeated(entries[earlier], entry);
            }
            if (merges is not null)
                ApplyMerges(entries, merges, ref keys);
            return new ParsedMapping((int)start.Start.Line, (int)start.Start.Column, [.. entries]);
        }

        /// <summary>
        /// kubectl reads YAML with go-yaml v2 in its non-strict mode, which sets a repeated key again (<c>setMapIndex</c>),
        /// so the last value wins and the object is applied. Keeping the later entry, with its own position, reads it the
        /// same way; dropping the document instead made objects vanish that the cluster has.
        /// </summary>
        private MappingEntry Repeated(MappingEntry earlier, MappingEntry later)
        {
            (warnings ??= []).Add(new DocumentWarning(LoadWarningIds.DuplicateKey, later.KeyLine, later.KeyColumn,
                $"The key '{later.Key}' is written twice in the same mapping (first at line {earlier.KeyLine}); kubectl keeps the last value, so the value at line {earlier.KeyLine} is ignored."));
            return later;
        }

        /// <summary>A key's text. Plain keys skip the node allocation and share one string per distinct key.</summary>
        private string ReadKey(int depth)
        {
            var keyEvent = parser.Current!;
            if (keyEvent is Scalar { Anchor.IsEmpty: true } scalar)
            {
                CountNodes(1, keyEvent.Start);
                parser.MoveNext();
                return keyPool.Intern(scalar.Value);
            }
            if (ReadNode(depth) is ParsedScalar aliasedOrAnchored)
                return aliasedOrAnchored.Value;
            throw Reject(LoadErrorIds.UnsupportedKey, keyEvent.Start, "Mapping keys must be plain strings; Kubernetes objects cannot use lists or maps as keys.");
        }

        /// <summary>
        /// <c>&lt;&lt;: *defaults</c> copies the keys the mapping does not set itself, as kubectl's YAML 1.1
        /// parser does; without it those fields would silently vanish. Earlier merge sources win.
        /// </summary>
        private void ApplyMerges(List<MappingEntry> entries, List<ParsedNode> merges, ref KeySet keys)
        {
            foreach (var merge in merges)
            {
                ParsedNode[] sources = merge is ParsedSequence sequence ? sequence.Items : [merge];
                foreach (var source in sources)
                {
                    if (source is not ParsedMapping sourceMapping)
                        throw Reject(LoadErrorIds.UnsupportedKey, source.Line, source.Column, "A '<<' merge key needs a mapping or a list of mappings.");
                    CountNodes(sourceMapping.Entries.Length, default);
                    foreach (var entry in sourceMapping.Entries)
                    {
                        if (keys.TryAdd(entry.Key, entries, out _))
                            entries.Add(entry);
                    }
                }
            }
        }

        private ParsedNode ResolveAlias(AnchorAlias alias)
        {
            if (anchors is not null && anchors.TryGetValue(alias.Value.Value, out var target))
            {
                HasAliases = true;
                return target;
            }
            throw Reject(LoadErrorIds.YamlSyntax, alias.Start, $"Alias '*{alias.Value.Value}' has no anchor defined before it (or refers to its own node).");
        }

        private ParsedNode Anchor(AnchorName name, ParsedNode node)
        {
            if (!name.IsEmpty)
                (anchors ??= new(StringComparer.Ordinal))[name.Value] = node;
            return node;
        }

        private ParsedScalar ToScalar(Scalar scalar)
        {
            var tag = scalar.Tag.IsEmpty ? null : scalar.Tag.Value;
            var type = ScalarTypeResolver.Resolve(scalar.Value, scalar.Style == ScalarStyle.Plain, tag);
            return new ParsedScalar((int)scalar.Start.Line, (int)scalar.Start.Column, valuePool.Get(scalar.Value), type);
        }

        private void EnsureDepth(int depth, ParsingEvent at)
        {
            if (depth >= maxDepth)
                throw Reject(LoadErrorIds.NestingTooDeep, at.Start, $"Nesting is deeper than {maxDepth} levels.");
        }

        private void CountNodes(int added, Mark at)
        {
            nodeCount += added;
            if (nodeCount > maxNodes)
                throw Reject(LoadErrorIds.TooManyNodes, at, $"The document has more than {maxNodes} nodes (LoaderOptions.MaxNodesPerDocument).");
        }

        private static RejectedDocumentException Reject(string errorId, Mark at, string message) =>
            Reject(errorId, (int)at.Line, (int)at.Column, message);

        private static RejectedDocumentException Reject(string errorId, int line, int column, string message) =>
            new(errorId, line, column, message);
    }
}
