using System.Management.Automation;
using MeshOps.PowerShell.Infrastructure;

namespace MeshOps.PowerShell.Checks.Run;

/// <summary>
/// The suite files one -Suite value names: a file as given, or a folder's *.Tests.ps1 files at any depth, as
/// Invoke-Pester discovers them, in ordinal order of their paths so every run (and every CI log) lists them alike.
/// A value that names nothing is an error, never an empty set: a check that ran no suite must not pass.
/// </summary>
internal static class SuiteFiles
{
    public const string SuitePattern = "*.Tests.ps1";

    public static ResolvedPath Resolve(SessionState session, string suite)
    {
        var resolved = ManifestPaths.Resolve(session, suite, literal: false);
        if (resolved.Failed)
        {
            return resolved;
        }

        var files = new List<string>();
        foreach (var path in resolved.Paths)
        {
            if (Directory.Exists(path))
            {
                var found = Directory.EnumerateFiles(path, SuitePattern, SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
                if (found.Count == 0)
                {
                    return new ResolvedPath([], ErrorIds.PathNotFound, $"The folder '{suite}' holds no {SuitePattern} file, so it names no suite to run.");
                }

                files.AddRange(found);
            }
            else if (!path.EndsWith(".ps1", StringComparison.OrdinalIgnoreCase))
            {
                return new ResolvedPath([], ErrorIds.InvalidSuite, $"'{path}' is no PowerShell script: a suite is a Pester file (name.Tests.ps1).");
            }
            else
            {
                files.Add(path);
            }
        }

        return new ResolvedPath(files);
    }
}
