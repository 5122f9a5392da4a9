using MeshOps.Discovery;
using MeshOps.Secrets;

namespace MeshOps.Model;

/// <summary>
/// The line of a multi-line value (a ConfigMap key holding a whole file) on which each excerpt is written, for a value
/// whose scanner did not say (a JSON document, an env var), with the excerpts in the order the value was read. One value
/// may name 200,000 endpoints (issue 10): searching the whole value for each excerpt, and counting its newlines from the
/// start each time, made the analysis of one such value quadratic (3 s at 40,000 lines) while its scan was linear.
/// </summary>
/// <remarks>
/// Each search starts after the excerpt found last, so one pass over the value serves every excerpt written in order
/// (and a second endpoint with the same text, under another key, is on the next occurrence, not the same one); an
/// excerpt shared by several endpoints (every host of a MongoDB URL) is looked up once; a masked one by its text before
/// the mask. The next excerpt is almost always within a few lines, so the search looks there first. Searches past that
/// which find nothing (an excerpt written earlier than the one before, or not in the value at all, such as one
/// rebuilt from a JSON object's fields), and the searches from the value's start that follow them, may read the value
/// <see cref="Reads"/> times in all; after that only the nearby text is searched, and an excerpt not there keeps the
/// key's line.
/// </remarks>
internal sealed class ExcerptLines(string text)
{
    private const int Reads = 4;
    private const int Nearby = 4096;

    // A text before the mask shorter than this could be anywhere ("url=").
    private const int ShortestMaskedPrefix = 8;

    private readonly bool hasLines = text.Contains('\n');
    private readonly LineCounter lines = new(text);
    private long budget = (long)text.Length * Reads;

    // Where the text found last ends: the next search starts there.
    private int next;

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
            lastLine = Search(Verbatim(excerpt));
        }

        return lastLine;
    }

    private int? Search(string wanted)
    {
        var nearby = text.AsSpan(next, Math.Min(text.Length - next, Nearby + wanted.Length));
        var index = nearby.IndexOf(wanted, StringComparison.Ordinal) is var near and >= 0 ? next + near
            : budget > 0 && nearby.Length < text.Length - next ? text.IndexOf(wanted, next, StringComparison.Ordinal)
            : -1;
        if (index >= 0)
        {
            next = index + wanted.Length;
            return lines.LineAt(index);
        }

        // Not after the text found last: its first occurrence before, where a reader searching the file finds it.
        budget -= text.Length - next;
        if (budget < next)
        {
            return null;
        }

        budget -= next;
        index = text.AsSpan(0, Math.Min(text.Length, next + wanted.Length - 1)).IndexOf(wanted, StringComparison.Ordinal);
        return index < 0 ? null : lines.LineAt(index);
    }

    // Discovery masks credentials in excerpts; the value holds them, so what precedes the mask is what to look for.
    private static string Verbatim(string excerpt)
    {
        var mask = excerpt.IndexOf(SecretRedactor.Mask, StringComparison.Ordinal);
        return mask >= ShortestMaskedPrefix ? excerpt[..mask] : excerpt;
    }
}
