namespace MeshOps.Model;

/// <summary>
/// Reads a list of known services kept in a file (Test-MeshConfig -KnownServicesPath): one <c>name[.namespace]</c> a
/// line, where blank lines and <c>#</c> comments are skipped and a YAML list item (<c>- name</c>) is read as its item; or
/// one JSON or YAML flow list (<c>["a", "b.ns"]</c>). So a plain text file, a YAML list and a JSON array all work.
/// </summary>
public static class KnownServiceList
{
    /// <summary>The entries as written, unvalidated (<see cref="KnownService.Parse"/> checks each).</summary>
    public static IReadOnlyList<string> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var entries = new List<string>();
        foreach (var rawLine in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = WithoutComment(rawLine).Trim();
            if (line.StartsWith('[') || line.EndsWith(']'))
            {
                line = line.Trim('[', ']');
            }

            foreach (var item in line.Split(','))
            {
                var entry = item.Trim();
                entry = entry.StartsWith("- ", StringComparison.Ordinal) || entry == "-" ? entry[1..].Trim() : entry;
                entry = entry.Trim('"', '\'').Trim();
                if (entry.Length > 0)
                {
                    entries.Add(entry);
                }
            }
        }

        return entries;
    }

    private static string WithoutComment(string line)
    {
        var hash = line.IndexOf('#', StringComparison.Ordinal);
        return hash >= 0 ? line[..hash] : line;
    }
}
