using System.Collections;
using System.Management.Automation;

namespace MeshOps.PowerShell.Checks.Run;

/// <summary>One suite file and the data its param block asks for (Path, Live, Context, Kubeconfig).</summary>
internal sealed record SuiteRun(string File, Hashtable Data);

/// <summary>
/// Runs the suites through Pester's own commands in the caller's session, so the suites see the modules and variables
/// the caller has, and Pester prints to the host as Invoke-Pester does. The commands are taken from the Pester module
/// found (<see cref="PesterModule"/>), not looked up by name, so a function called Invoke-Pester cannot stand in.
/// </summary>
internal static class PesterInvocation
{
    private const string Script = """
        param([psmoduleinfo] $Pester, [object[]] $Suites, [hashtable] $Settings)
        $newContainer = $Pester.ExportedCommands['New-PesterContainer']
        $Settings.Run.Container = @(foreach ($suite in $Suites) { & $newContainer -Path $suite.File -Data $suite.Data })
        & $Pester.ExportedCommands['Invoke-Pester'] -Configuration (& $Pester.ExportedCommands['New-PesterConfiguration'] -Hashtable $Settings)
        """;

    /// <returns>Pester's run object.</returns>
    /// <exception cref="RuntimeException">Pester refused the configuration or failed outside any test.</exception>
    public static PSObject Run(CommandInvocationIntrinsics invoke, PSModuleInfo pester, IReadOnlyList<SuiteRun> suites, Hashtable settings)
    {
        var output = invoke.InvokeScript(useLocalScope: true, ScriptBlock.Create(Script), input: null, pester, suites.ToArray(), settings);
        return output.LastOrDefault(o => o?.Properties["PassedCount"] is not null)
            ?? throw new RuntimeException("Invoke-Pester returned no run object.");
    }

    /// <summary>
    /// The configuration, as New-PesterConfiguration -Hashtable reads it: the run object returned rather than an exit
    /// (Invoke-MeshCheck sets $? itself), and the result file when one was asked for.
    /// </summary>
    public static Hashtable Settings(string verbosity, string[] tags, string[] excludeTags, string? outputFile, string? outputFormat)
    {
        var settings = new Hashtable
        {
            ["Run"] = new Hashtable { ["PassThru"] = true, ["Exit"] = false, ["Throw"] = false },
            ["Output"] = new Hashtable { ["Verbosity"] = verbosity },
            ["Filter"] = new Hashtable { ["Tag"] = tags, ["ExcludeTag"] = excludeTags },
        };
        if (outputFile is not null)
        {
            settings["TestResult"] = new Hashtable { ["Enabled"] = true, ["OutputPath"] = outputFile, ["OutputFormat"] = outputFormat };
        }

        return settings;
    }
}
