using System.Text;

namespace MeshOps.Authoring.Compare;

/// <summary>
/// Writes comparisons as text to read like <c>kubectl diff</c>: a header naming both sides, then for each differing
/// field its path with the current value (<c>-</c>) and the desired one (<c>+</c>). Equal objects write nothing.
/// </summary>
public static class ConfigDiffWriter
{
    /// <summary>The diff of one comparison, with "\n" line ends; empty when it is Equal.</summary>
    public static string Write(ConfigComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var identity = $"{comparison.Kind}/{comparison.Namespace}/{comparison.Name}";
        var text = new StringBuilder();
        switch (comparison.State)
        {
            case ComparisonState.Equal:
                return string.Empty;
            case ComparisonState.Added:
                text.Append("--- ").Append(identity).Append(" (not there)\n");
                text.Append("+++ ").Append(identity).Append(" (").Append(comparison.DesiredLocation).Append(")\n");
                text.Append("+ the whole object\n");
                break;
            case ComparisonState.Unmatched:
                text.Append("--- ").Append(identity).Append(" (").Append(comparison.CurrentLocation).Append(")\n");
                text.Append("+++ ").Append(identity).Append(" (not desired)\n");
                text.Append("- the whole object, which nothing desired names (applying never deletes it)\n");
                break;
            default:
                text.Append("--- ").Append(identity).Append(" (").Append(comparison.CurrentLocation).Append(")\n");
                text.Append("+++ ").Append(identity).Append(" (").Append(comparison.DesiredLocation).Append(")\n");
                foreach (var difference in comparison.Differences)
                {
                    text.Append("  ").Append(difference.Path);
                    if (difference.DesiredLocation is { } at)
                    {
                        text.Append("  (").Append(at).Append(')');
                    }

                    text.Append('\n');
                    if (difference.Current is { } current)
                    {
                        text.Append("-   ").Append(current).Append('\n');
                    }

                    if (difference.Desired is { } desired)
                    {
                        text.Append("+   ").Append(desired).Append('\n');
                    }
                }

                break;
        }

        return text.ToString();
    }
}
