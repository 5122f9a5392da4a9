using MeshOps.Sources;
using MeshOps.Sources.Files;

namespace MeshOps.Analysis;

/// <summary>
/// The last set of manifest files read and its analysis, kept for the next call over the same files: an ops-check
/// suite asks Test-MeshPath and Test-MeshIntention once per check over the same manifests, and reading and analysing a
/// 1,000-service mesh for each of its thousands of checks cost minutes. The files are the same when every one the read
/// would expand to has the same full path, size and last write time (as make judges a file unchanged), in the same
/// order, under equal options; any difference, or a load error, reads them again. One entry: a session holds the model
/// of the manifests it last read, never a growing set of them.
/// </summary>
public static class AnalyzedFiles
{
    private static readonly Lock Gate = new();
    private static Entry? last;

    /// <summary>The manifests <see cref="ManifestLoader.LoadPaths"/> reads, or the same object as last time when nothing changed.</summary>
    public static ManifestSet Load(IReadOnlyList<string> paths, LoaderOptions options)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(options);
        var stamp = Stamp(paths, options);
        lock (Gate)
        {
            if (stamp is not null && last is { } entry && entry.Stamp.SequenceEqual(stamp))
            {
                return entry.Manifests;
            }
        }

        var manifests = ManifestLoader.LoadPaths(paths, options);
        lock (Gate)
        {
            // A read with errors is never kept: the caller reports them, and the next call must find them again.
            last = stamp is null || manifests.Errors.Count > 0 ? null : new Entry(stamp, manifests);
        }

        return manifests;
    }

    /// <summary>The analysis of <paramref name="manifests"/>, made once for the manifests <see cref="Load"/> last returned.</summary>
    public static AnalyzedMesh Analyze(ManifestSet manifests, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(manifests);
        lock (Gate)
        {
            if (last is { } entry && ReferenceEquals(entry.Manifests, manifests) && entry.Analysis is { } kept)
            {
                return kept;
            }
        }

        var analysis = MeshAnalyzer.AnalyzeWithModel(manifests, cancellationToken: cancellationToken);
        lock (Gate)
        {
            if (last is { } entry && ReferenceEquals(entry.Manifests, manifests))
            {
                entry.Analysis = analysis;
            }
        }

        return analysis;
    }

    /// <summary>What identifies the read: the options, then each file with its size and write time; null when the paths do not expand cleanly.</summary>
    private static List<object>? Stamp(IReadOnlyList<string> paths, LoaderOptions options)
    {
        var errors = new List<LoadError>();
        var files = FileEnumerator.Expand(paths, errors);
        if (errors.Count > 0)
        {
            return null;
        }

        var stamp = new List<object>(1 + (3 * files.Count)) { options };
        foreach (var file in files)
        {
            var info = new FileInfo(file);
            if (!info.Exists)
            {
                return null;
            }

            stamp.Add(info.FullName);
            stamp.Add(info.Length);
            stamp.Add(info.LastWriteTimeUtc.Ticks);
        }

        return stamp;
    }

    private sealed class Entry(List<object> stamp, ManifestSet manifests)
    {
        public List<object> Stamp { get; } = stamp;

        public ManifestSet Manifests { get; } = manifests;

        public AnalyzedMesh? Analysis { get; set; }
    }
}
