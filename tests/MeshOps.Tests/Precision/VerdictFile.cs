using System.Text.RegularExpressions;

namespace MeshOps.Tests.Precision;

/// <summary>
/// Reads the per-set tables of a verdicts file. A set starts at a <c>### </c> heading and names its folder on a
/// <c>- Folder: `...`</c> line; its rows are the table lines <c>| # | rule | sev | resource | `file:line` | verdict | reason |</c>.
/// The format is the one the expert wrote VERDICTS.md in; REFERENCE-VERDICTS.md copies it.
/// </summary>
internal static partial class VerdictFile
{
    /// <param name="path">The markdown file.</param>
    /// <param name="source">How rows name their file in test names: VERDICTS or REFERENCE.</param>
    /// <param name="prefix">Folder of the file's paths relative to ../shared/reference ("wild/" for VERDICTS.md).</param>
    public static IReadOnlyList<VerdictRow> Read(string path, string source, string prefix)
    {
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"The verdicts file {path} is missing: the precision tests are measured against it.");
        }

        var rows = new List<VerdictRow>();
        string? title = null;
        string? folder = null;
        var mustBeReported = true;
        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith("### ", StringComparison.Ordinal))
            {
                (title, folder, mustBeReported) = (line[4..].Trim(), null, true);
            }
            else if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                (title, folder) = (null, null);
            }
            else if (title is not null && FolderLine().Match(line) is { Success: true } folderMatch)
            {
                folder = prefix + folderMatch.Groups[1].Value;
            }
            else if (title is not null && line.StartsWith("- Judged if reported: yes", StringComparison.Ordinal))
            {
                mustBeReported = false;
            }
            else if (title is not null && RowLine().Match(line) is { Success: true } row)
            {
                if (folder is null)
                {
                    throw new FormatException($"{path}: the table of '{title}' comes before its '- Folder:' line.");
                }

                var reason = row.Groups["reason"].Value.Trim();
                var hint = MessageHint().Match(reason);
                rows.Add(new VerdictRow(
                    source,
                    title,
                    folder,
                    int.Parse(row.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture),
                    row.Groups["rule"].Value.Trim(),
                    row.Groups["sev"].Value.Trim(),
                    row.Groups["res"].Value.Trim(),
                    prefix + row.Groups["file"].Value,
                    int.Parse(row.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture),
                    VerdictLabels.Parse(row.Groups["verdict"].Value),
                    reason,
                    mustBeReported) { MessageMustName = hint.Success ? hint.Groups[1].Value : null });
            }
        }

        if (rows.Count == 0)
        {
            throw new FormatException($"{path} holds no verdict rows: the table format changed or the file is not a verdicts file.");
        }

        return rows;
    }

    /// <summary>Frees the line of every row that rule, resource, file (and message hint) already single out in its set.</summary>
    public static IReadOnlyList<VerdictRow> WithFreeLines(IEnumerable<VerdictRow> rows)
    {
        var all = rows.ToList();
        return all.Select(row => row with
        {
            LineIsFree = all.Count(other => other.SetFolder == row.SetFolder && other.RuleId == row.RuleId
                && other.Resource == row.Resource && other.File == row.File && other.MessageMustName == row.MessageMustName) == 1,
        }).ToList();
    }

    [GeneratedRegex(@"^- Folder: `([^`]+)`")]
    private static partial Regex FolderLine();

    [GeneratedRegex(@"^\|\s*(?<n>\d+)\s*\|(?<rule>[^|]+)\|(?<sev>[^|]+)\|(?<res>[^|]+)\|\s*`(?<file>[^`]+):(?<line>\d+)`\s*\|(?<verdict>[^|]+)\|(?<reason>.*)\|\s*$")]
    private static partial Regex RowLine();

    [GeneratedRegex(@"^when message names '([^']+)':")]
    private static partial Regex MessageHint();
}
