using System.Management.Automation;
using Microsoft.PowerShell.Commands;

namespace MeshOps.PowerShell.Infrastructure;

/// <summary>One -Path or -LiteralPath value resolved to file-system paths, or why it could not be.</summary>
internal sealed record ResolvedPath(IReadOnlyList<string> Paths, string? ErrorId = null, string? Message = null, Exception? Exception = null)
{
    public bool Failed => ErrorId is not null;
}

/// <summary>
/// Resolves the manifest paths a user gives, the way Test-MeshConfig always has: wildcards expanded (or taken as
/// written for -LiteralPath), the file system only, and a pattern that matches nothing is an error, not silence
/// (Get-Item is silent there; a gate that analysed nothing must not pass). Folders are passed on whole: the loader
/// walks them.
/// </summary>
internal static class ManifestPaths
{
    public static ResolvedPath Resolve(SessionState session, string path, bool literal)
    {
        ProviderInfo provider;
        IReadOnlyList<string> resolved;
        try
        {
            if (literal)
            {
                var literalPath = session.Path.GetUnresolvedProviderPathFromPSPath(path, out provider, out _);
                resolved = File.Exists(literalPath) || Directory.Exists(literalPath) ? [literalPath] : [];
            }
            else
            {
                resolved = session.Path.GetResolvedProviderPathFromPSPath(path, out provider);
            }
        }
        catch (SessionStateException ex) when (ex is ItemNotFoundException or System.Management.Automation.DriveNotFoundException)
        {
            return new ResolvedPath([], ErrorIds.PathNotFound, ex.Message, ex);
        }

        if (provider.ImplementingType != typeof(FileSystemProvider))
        {
            return new ResolvedPath([], ErrorIds.NotFileSystemPath, $"'{path}' is on the {provider.Name} provider; manifests are read from the file system.");
        }

        return resolved.Count == 0
            ? new ResolvedPath([], ErrorIds.PathNotFound, $"Cannot find path '{path}' because it does not exist.")
            : new ResolvedPath(resolved);
    }
}
