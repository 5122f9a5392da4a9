namespace MeshOps.Discovery;

/// <summary>
/// The 0-based line of positions in one text, asked in increasing order: each answer counts the newlines since the
/// one before, so a text of 200,000 directives is read once rather than once per directive (issue 10). A position
/// before the last one asked counts from the start again (nginx asks for its listen directives after its passes,
/// ExcerptLines for an excerpt written before the one it found last).
/// </summary>
internal sealed class LineCounter(string text)
{
    private int position;
    private int line;

    public int LineAt(int index)
    {
        if (index < position)
        {
            // Out of order: counted again from the start.
            position = 0;
            line = 0;
        }

        line += text.AsSpan(position, index - position).Count('\n');
        position = index;
        return line;
    }
}
