using System.Collections;
using System.Management.Automation;

namespace MeshOps.PowerShell.Checks.Run;

/// <summary>
/// Points the live calls of a run at the cluster -Context, -Kubeconfig and -Namespace name, for suites that do not take
/// them as parameters (a plain Pester file, a suite written by hand): each MeshOps cmdlet with that parameter gets it as a
/// default value ($PSDefaultParameterValues['Test-MeshPath:Context']), which a value the suite passes still overrides
/// and which PowerShell leaves out when a call reads files instead; KUBECONFIG names the file for anything else the
/// suite runs (kubectl). Disposing puts back what was there before, so the session is as the user left it.
/// </summary>
internal sealed class LiveConnection : IDisposable
{
    private const string KubeconfigVariable = "KUBECONFIG";

    private readonly IDictionary? _defaults;
    private readonly List<(object Key, bool Existed, object? Value)> _replaced = [];
    private readonly string? _kubeconfigBefore;
    private readonly bool _setKubeconfig;

    private LiveConnection(IDictionary? defaults, string? kubeconfig)
    {
        _defaults = defaults;
        _setKubeconfig = kubeconfig is not null;
        _kubeconfigBefore = Environment.GetEnvironmentVariable(KubeconfigVariable);
        if (kubeconfig is not null)
        {
            Environment.SetEnvironmentVariable(KubeconfigVariable, kubeconfig);
        }
    }

    /// <param name="module">The MeshOps module, whose cmdlets get the defaults.</param>
    /// <param name="defaults">The session's $PSDefaultParameterValues, or null when the user removed it.</param>
    public static LiveConnection Apply(PSModuleInfo? module, IDictionary? defaults, string? context, string? kubeconfig, string? @namespace)
    {
        var connection = new LiveConnection(defaults, kubeconfig);
        foreach (var cmdlet in module?.ExportedCmdlets.Values ?? Enumerable.Empty<CmdletInfo>())
        {
            connection.SetDefault(cmdlet, "Context", context);
            connection.SetDefault(cmdlet, "Kubeconfig", kubeconfig);
            connection.SetDefault(cmdlet, "Namespace", @namespace);
        }

        return connection;
    }

    private void SetDefault(CmdletInfo cmdlet, string parameter, string? value)
    {
        if (value is null || _defaults is null || !cmdlet.Parameters.ContainsKey(parameter))
        {
            return;
        }

        var key = $"{cmdlet.Name}:{parameter}";
        _replaced.Add((key, _defaults.Contains(key), _defaults.Contains(key) ? _defaults[key] : null));
        _defaults[key] = value;
    }

    public void Dispose()
    {
        foreach (var (key, existed, value) in _replaced)
        {
            if (existed)
            {
                _defaults![key] = value;
            }
            else
            {
                _defaults!.Remove(key);
            }
        }

        if (_setKubeconfig)
        {
            Environment.SetEnvironmentVariable(KubeconfigVariable, _kubeconfigBefore);
        }
    }
}
