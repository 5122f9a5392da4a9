using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace MeshOps.PowerShell.Infrastructure;

/// <summary>
/// Tab completion of names in the mesh: from the manifests the command line already gives (-Path, -LiteralPath), or
/// with none of them from the cluster it would read (-Kubeconfig, -Context, -Namespace, else the current context).
/// Completing must never hang the prompt or print an error: anything that fails, or a cluster that does not answer
/// within <see cref="CompletionNames.ClusterBudget"/>, completes nothing.
/// </summary>
public abstract class MeshNameCompleter : IArgumentCompleter
{
    /// <summary>The names this completer offers, read from the manifests or the cluster.</summary>
    /// <param name="command">The command being completed, as typed (Get-MeshConfig, MeshOps\Get-MeshConfig).</param>
    /// <param name="bound">The parameters already on the command line (-Kind).</param>
    private protected abstract IEnumerable<string> Names(CompletionNames names, string command, IDictionary? bound);

    /// <summary>What the list shows beside each name.</summary>
    private protected abstract string ToolTip { get; }

    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var typed = (wordToComplete ?? string.Empty).Trim('\'', '"');
        IReadOnlyList<string> found;
        try
        {
            found = [.. Names(Source(fakeBoundParameters), commandName ?? string.Empty, fakeBoundParameters)];
        }
        // A completer that throws shows the user nothing useful; a half-typed command line is the normal case here.
        catch (Exception)
        {
            return [];
        }

        return found
            .Where(name => name.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(name => new CompletionResult(name, name, CompletionResultType.ParameterValue, ToolTip))
            .ToList();
    }

    private static CompletionNames Source(IDictionary? bound)
    {
        var paths = Strings(bound, "Path");
        var literal = Strings(bound, "LiteralPath");
        if (paths.Count > 0 || literal.Count > 0)
        {
            return CompletionNames.FromManifests([.. Resolve(paths, literal: false), .. Resolve(literal, literal: true)]);
        }

        var kubeconfig = Strings(bound, "Kubeconfig").FirstOrDefault();
        return CompletionNames.FromCluster(
            kubeconfig is null ? null : Resolve([kubeconfig], literal: true).FirstOrDefault(),
            Strings(bound, "Context").FirstOrDefault(),
            Strings(bound, "Namespace").FirstOrDefault(),
            IsSet(bound, "AllNamespaces"));
    }

    private static bool IsSet(IDictionary? bound, string name)
    {
        var value = bound is not null && bound.Contains(name) ? bound[name] : null;
        return (value is PSObject wrapped ? wrapped.BaseObject : value) switch
        {
            bool flag => flag,
            SwitchParameter flag => flag.IsPresent,
            _ => false,
        };
    }

    /// <summary>
    /// Paths as the command would read them, against the session's current location. Asked of the session itself
    /// (a nested pipeline on this runspace): a completer is given no SessionState of its own. The script runs under the
    /// user's strict mode, so it reads no property of what may be nothing; a path that cannot be resolved completes
    /// nothing, since Tab must never print an error.
    /// </summary>
    private static IReadOnlyList<string> Resolve(IReadOnlyList<string> paths, bool literal)
    {
        using var session = System.Management.Automation.PowerShell.Create(RunspaceMode.CurrentRunspace);
        session.AddScript(literal
            ? "param($Paths) foreach ($p in $Paths) { $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($p) }"
            : "param($Paths) foreach ($p in $Paths) { Resolve-Path -Path $p -ErrorAction Ignore | ForEach-Object ProviderPath }")
            .AddArgument(paths.ToArray());
        try
        {
            return [.. session.Invoke().Select(p => p?.BaseObject as string).OfType<string>()];
        }
        catch (RuntimeException)
        {
            return [];
        }
    }

    /// <summary>A bound value as typed: one string, an array of them, or nothing usable (a variable not yet evaluated).</summary>
    private protected static IReadOnlyList<string> Strings(IDictionary? bound, string name)
    {
        var value = bound is not null && bound.Contains(name) ? bound[name] : null;
        value = value is PSObject wrapped ? wrapped.BaseObject : value;
        return value switch
        {
            string single when single.Length > 0 => [single],
            IEnumerable many and not string => [.. many.Cast<object?>().Select(v => (v is PSObject p ? p.BaseObject : v) as string).OfType<string>().Where(s => s.Length > 0)],
            _ => [],
        };
    }
}
