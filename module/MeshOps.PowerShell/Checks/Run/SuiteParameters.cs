using System.Management.Automation.Language;

namespace MeshOps.PowerShell.Checks.Run;

/// <summary>
/// The parameters a suite file declares in its param block, read with the PowerShell parser and never run. Pester
/// splats container data onto the script: an advanced script refuses a name it does not declare, and a simple one
/// drops it into $args, so a suite is given only the data it asks for and a plain Pester file still runs.
/// </summary>
internal static class SuiteParameters
{
    /// <summary>
    /// The declared names (case-insensitive, as PowerShell binds them). A file that does not parse yields what its
    /// param block shows, possibly nothing: Pester then reports the syntax error as the suite's failure.
    /// </summary>
    public static IReadOnlySet<string> Of(string file)
    {
        var script = Parser.ParseFile(file, out _, out _);
        return (script.ParamBlock?.Parameters ?? [])
            .Select(p => p.Name.VariablePath.UserPath)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
    }
}
