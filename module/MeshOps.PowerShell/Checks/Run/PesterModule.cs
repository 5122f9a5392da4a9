using System.Management.Automation;

namespace MeshOps.PowerShell.Checks.Run;

/// <summary>
/// Pester 5 or later for the run: the one already loaded in the session (a user may have imported a build of their
/// own), else the newest that Import-Module finds by name. Pester 3.4 ships with Windows PowerShell and 4.x lingers on
/// many machines; their Invoke-Pester has no configuration object and no containers, so they are refused by name.
/// </summary>
internal static class PesterModule
{
    public static readonly Version MinimumVersion = new(5, 0);

    /// <summary>What the user runs to get a Pester this cmdlet can use (-SkipPublisherCheck: Windows' inbox 3.4 is signed by another publisher).</summary>
    public const string InstallCommand = "Install-Module Pester -MinimumVersion 5.0 -Scope CurrentUser -Force -SkipPublisherCheck";

    /// <summary>The Pester module to run suites with, or null and why not.</summary>
    public static PSModuleInfo? Find(CommandInvocationIntrinsics invoke, out string? problem)
    {
        problem = null;
        var loaded = Modules(invoke, "Microsoft.PowerShell.Core\\Get-Module -Name Pester");
        if (loaded.Count > 0)
        {
            var usable = loaded.Where(RunsContainers).MaxBy(m => m.Version);
            if (usable is not null)
            {
                return usable;
            }

            var newest = loaded.MaxBy(m => m.Version)!;
            problem = $"Pester {newest.Version} is loaded in this session ({newest.Path}), and Invoke-MeshCheck runs suites with Pester {MinimumVersion} or later. "
                + $"Run Remove-Module Pester, then {InstallCommand} if no Pester 5 is installed.";
            return null;
        }

        try
        {
            var imported = Modules(invoke, $"Microsoft.PowerShell.Core\\Import-Module -Name Pester -MinimumVersion {MinimumVersion} -Global -PassThru -ErrorAction Stop");
            if (imported.Count > 0)
            {
                return imported.MaxBy(m => m.Version);
            }
        }
        catch (RuntimeException)
        {
            // Import-Module says only that no module of that version was found: the message below names what was.
        }

        var available = Modules(invoke, "Microsoft.PowerShell.Core\\Get-Module -ListAvailable -Name Pester");
        problem = available.Count == 0
            ? $"Pester is not installed, and Invoke-MeshCheck runs suites with Pester {MinimumVersion} or later. Install it: {InstallCommand}"
            : $"Invoke-MeshCheck runs suites with Pester {MinimumVersion} or later, and only {string.Join(", ", available.OrderByDescending(m => m.Version).Select(m => $"Pester {m.Version} ({m.Path})"))} "
                + $"is installed. Install a newer one: {InstallCommand}";
        return null;
    }

    /// <summary>
    /// Whether a loaded Pester has what the run uses, rather than its version: Pester imported by its .psm1 (as some CI
    /// scripts do) reports version 0.0.
    /// </summary>
    private static bool RunsContainers(PSModuleInfo pester) =>
        pester.ExportedCommands.ContainsKey("New-PesterConfiguration") && pester.ExportedCommands.ContainsKey("New-PesterContainer");

    private static List<PSModuleInfo> Modules(CommandInvocationIntrinsics invoke, string command) =>
        [.. invoke.InvokeScript(command).Select(o => o.BaseObject).OfType<PSModuleInfo>()];
}
