using MeshOps.Sources;

namespace MeshOps.Reporting;

/// <summary>
/// Where a finding points, as a report can name it: a file below the base folder as a relative path (what code scanning
/// matches against the repository), a file elsewhere as an absolute file URI, and anything that is no file (an object
/// read from a cluster, piped text) as no file at all.
/// </summary>
internal sealed record ReportedLocation(string? RelativeUri, string? AbsoluteUri, string? RelativePath, int Line, int Column)
{
    public bool IsFile => RelativeUri is not null || AbsoluteUri is not null;

    public static ReportedLocation Of(SourceLocation location, string baseDirectory)
    {
        // Live findings are located by the object read ("Service/shop/api (resourceVersion 7)") and piped text by
        // "<stdin>": neither is a path a code-scanning tool could open.
        if (!Path.IsPathFullyQualified(location.File))
        {
            return new ReportedLocation(null, null, null, location.Line, location.Column);
        }

        var relative = Path.GetRelativePath(baseDirectory, location.File);
        if (relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) || Path.IsPathFullyQualified(relative))
        {
            return new ReportedLocation(null, new Uri(location.File).AbsoluteUri, null, location.Line, location.Column);
        }

        var segments = relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        return new ReportedLocation(
            string.Join('/', segments.Select(Uri.EscapeDataString)), null, string.Join('/', segments), location.Line, location.Column);
    }

    /// <summary>The path as a person reads it: relative where it can be, else as given.</summary>
    public string Display(SourceLocation location) => RelativePath ?? location.File;
}
