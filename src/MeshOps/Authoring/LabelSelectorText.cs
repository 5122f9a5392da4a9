namespace MeshOps.Authoring;

/// <summary>
/// kubectl's selector text (<c>-l app=payments,tier=backend</c>) as the label map a Service's <c>spec.selector</c>
/// holds. A Service selects by equality only, so the set-based forms kubectl also reads (<c>!=</c>, <c>in (...)</c>,
/// a bare key) are refused rather than read as something they do not say.
/// </summary>
public static class LabelSelectorText
{
    /// <summary>The labels of <paramref name="text"/>; empty for an empty text.</summary>
    /// <exception cref="FormatException">A term that is not key=value (or key==value), or a key given twice; the message names the text.</exception>
    public static IReadOnlyDictionary<string, string> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (text.Trim().Length == 0)
        {
            return labels;
        }

        foreach (var raw in text.Split(','))
        {
            var term = raw.Trim();
            var equals = term.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || term[equals - 1] == '!')
            {
                throw new FormatException(
                    $"The selector '{text}' is not kubectl's key=value[,key=value] form: '{term}' is no key=value term (a Service selects pods by equal labels only).");
            }

            var key = term[..equals].Trim();
            var value = term[(equals + 1)..].TrimStart('=').Trim();
            if (!labels.TryAdd(key, value))
            {
                throw new FormatException($"The selector '{text}' gives the label '{key}' twice.");
            }
        }

        return labels;
    }
}
