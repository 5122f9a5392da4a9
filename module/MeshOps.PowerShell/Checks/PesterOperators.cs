using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace MeshOps.PowerShell.Checks;

/// <summary>
/// Registers the Should operators (-BeReachable, -BeDenied, -HaveNoMeshFinding; MeshOps.Should.Operators.ps1) with
/// Pester 5: at import when Pester 5 is loaded, else the first time Should or Invoke-Pester is looked up once it is
/// (a profile imports MeshOps, then Invoke-Pester autoloads Pester). Done in C# because every session that imports
/// MeshOps pays for it: a script hook costs a script module, Get-Module and a delegate compiled from a script block
/// (about 0.15 s on a first import); here a session without Pester runs no script at all.
/// </summary>
internal sealed class PesterOperators
{
    // Only when Pester's own assembly is loaded can Pester be; checking it costs no script.
    private const string PesterAssembly = "Pester";

    // The operators live in their own dynamic module, so their helper functions neither reach the user's scope nor
    // depend on which scope imported MeshOps. Pester ignores an operator added again with the same script
    // (Import-Module -Force); another version's operator under the same name is a warning, not a failed import.
    private const string RegisterScript = """
        param([string] $OperatorsPath)
        $pester = $null
        foreach ($module in (Get-Module -Name Pester)) { if ($module.Version.Major -eq 5) { $pester = $module } }
        if ($null -eq $pester) { return $false }
        $add = $pester.ExportedCommands['Add-ShouldOperator']
        $null = New-Module -Name MeshOps.Should -ArgumentList $OperatorsPath, $add -ScriptBlock {
            param([string] $OperatorsPath, $Add)
            . $OperatorsPath
            foreach ($operator in $Operators) {
                try { & $Add @operator }
                catch { Write-Warning "Should -$($operator.Name) was not registered: $($_.Exception.Message) Start a new session to use this version's operator." }
            }
        }
        $true
        """;

    // One hook per runspace that imported the module (ForEach-Object -Parallel imports in runspaces of its own).
    private static readonly Dictionary<Runspace, PesterOperators> Hooks = [];

    private readonly CommandInvocationIntrinsics _commands;
    private readonly string _operatorsPath;
    private readonly EventHandler<CommandLookupEventArgs>? _previous;
    private readonly EventHandler<CommandLookupEventArgs> _hook;
    private bool _done;
    private bool _registering;

    private PesterOperators(CommandInvocationIntrinsics commands, string operatorsPath)
    {
        _commands = commands;
        _operatorsPath = operatorsPath;
        _previous = commands.PostCommandLookupAction;
        _hook = OnLookup;
    }

    public static void OnImport(string moduleDirectory)
    {
        if (Runspace.DefaultRunspace is not { } runspace)
        {
            return;
        }

        var operatorsPath = Path.Combine(moduleDirectory, "MeshOps.Should.Operators.ps1");
        if (TryRegister(operatorsPath))
        {
            return;
        }

        // Import-Module is the running pipeline, so SessionStateProxy refuses the call. A SessionState made on this
        // thread answers with the engine's own intrinsics (the object $ExecutionContext.InvokeCommand is) and runs no
        // script: asking a script for it cost every import about 20 ms (issue 14), the first member access of a session
        // setting up PowerShell's dynamic binder.
        CommandInvocationIntrinsics commands;
        try
        {
            commands = new SessionState().InvokeCommand;
        }
        catch (InvalidOperationException)
        {
            // Not on a pipeline thread of a local runspace: there is no engine to hook.
            return;
        }

        var hooks = new PesterOperators(commands, operatorsPath);
        lock (Hooks)
        {
            Hooks[runspace] = hooks;
        }

        hooks._commands.PostCommandLookupAction = hooks._hook;
    }

    public static void OnRemove()
    {
        if (Runspace.DefaultRunspace is not { } runspace)
        {
            return;
        }

        PesterOperators? hooks;
        lock (Hooks)
        {
            if (!Hooks.Remove(runspace, out hooks))
            {
                return;
            }
        }

        hooks.Unhook();
    }

    private static bool TryRegister(string operatorsPath)
    {
        if (!AppDomain.CurrentDomain.GetAssemblies().Any(a => a.FullName is { } name && name.StartsWith(PesterAssembly + ",", StringComparison.Ordinal)))
        {
            return false;
        }

        var result = ScriptBlock.Create(RegisterScript).Invoke(operatorsPath);
        return result.Count > 0 && result[^1]?.BaseObject is true;
    }

    private void OnLookup(object? sender, CommandLookupEventArgs lookup)
    {
        _previous?.Invoke(sender, lookup);
        if (_done || _registering || !IsPesterEntryPoint(lookup.CommandName))
        {
            return;
        }

        _registering = true;
        try
        {
            if (TryRegister(_operatorsPath))
            {
                Unhook();
            }
        }
        finally
        {
            _registering = false;
        }
    }

    /// <summary>Takes our handler off when it is still the one set; one chained after it keeps calling it, and it then only passes the call on.</summary>
    private void Unhook()
    {
        _done = true;
        if (ReferenceEquals(_commands.PostCommandLookupAction, _hook))
        {
            _commands.PostCommandLookupAction = _previous;
        }
    }

    private static bool IsPesterEntryPoint(string name)
    {
        var bare = name[(name.LastIndexOf('\\') + 1)..];
        return bare.Equals("Should", StringComparison.OrdinalIgnoreCase) || bare.Equals("Invoke-Pester", StringComparison.OrdinalIgnoreCase);
    }
}
