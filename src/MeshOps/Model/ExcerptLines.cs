namespace MeshOps.Model;

/// <summary>
/// The line of a multi-line value (a ConfigMap key holding a whole file) on which each excerpt is written, for
/// excerpts that come in the order the value was read. One value may name 200,000 endpoints (issue 10): searching the
/// whole value for each excerpt, and counting its newlines from the start each time, made the analysis of one such
/// value quadratic (3 s at 40,000 lines), while the scan that found them is linear.
/// </summary>
/// <remarks>
/// Each search starts where the previous excerpt was found, so one pass over the value serves every excerpt written in
/// order, and an excerpt shared by several endpoints (every host of a MongoDB URL shares its URL) is looked up once. An
/// excerpt not found there (written before the one found last, or changed by redaction so that it is not in the value
/// at all) costs a search of the rest of the value and one from its start. All searches together read at most
/// <see cref="Reads"/> times the value; past that, the remaining excerpts keep the key's line instead.
/// </remarks>
internal sealed class ExcerptLines(string text)
{
    // In order, the searches read the value about once, plus the excerpts themselves; the rest is for those out of order.
    private const int Reads = 4;

    private readonly bool hasLines = text.Contains('\n');
    private long budget = (long)text.Length * Reads;

    // Where the last excerpt in order was found, and how many lines the value has before that position.
    private int cursor;
    private int linesBeforeCursor;

    // The excerpt found at the cursor.
    private string? lastFound;

    private string? lastExcerpt;
    private int? lastLine;

    /// <summary>The 0-based line of the value the excerpt is on, or null when it is not found (or the value is one line).</summary>
    public int? LineOf(string excerpt)
    {
        if (!hasLines || excerpt.Length == 0)
        {
            return null;
        }

        if (!ReferenceEquals(excerpt, lastExcerpt))
        {
            lastExcerpt = excerpt;
            lastLine = budget > 0 ? Search(excerpt) : null;
        }

        return lastLine;
    }

    private int? Search(string excerpt)
    {
        // The same text again from another endpoint (two keys naming one URL) is its next occurrence, not the same one.
        var from = string.Equals(excerpt, lastFound, StringComparison.Ordinal) ? cursor + 1 : cursor;
        var index = text.IndexOf(excerpt, from, StringComparison.Ordinal);
        if (index >= 0)
        {
            budget -= index - cursor + excerpt.Length;
            linesBeforeCursor += text.AsSpan(cursor, index - cursor).Count('\n');
            cursor = index;
            lastFound = excerpt;
            return linesBeforeCursor;
        }

        budget -= text.Length - cursor;
        if (budget < cursor)
        {
            return null;
        }

        // Written at or before the excerpt found last: its first occurrence, where a reader searching the file finds it.
        budget -= cursor;
        index = text.AsSpan(0, Math.Min(text.Length, cursor + excerpt.Length)).IndexOf(excerpt, StringComparison.Ordinal);
        return index < 0 ? null : text.AsSpan(0, index).Count('\n');
    }
}
