using System.Text.RegularExpressions;

namespace MeshOps.Analysis;

/// <summary>
/// Makes a finding's kubectl commands reach the cluster it was read from. kubectl uses the current context of the
/// default kubeconfig; a live analysis of another context (-Context) or kubeconfig (-Kubeconfig) must say so, or the
/// confirm command would check a different cluster than the one the finding is about.
/// </summary>
public static partial class ClusterConfirmCommands
{
    /// <param name="context">The context read, when the user chose it rather than the current one; else null.</param>
    /// <param name="kubeconfig">The kubeconfig read, when the user named it; else null.</param>
    public static Finding ForCluster(Finding finding, string? context, string? kubeconfig)
    {
        ArgumentNullException.ThrowIfNull(finding);
        if (context is null && kubeconfig is null)
        {
            return finding;
        }

        return finding with { Confirm = ForCluster(finding.Confirm, context, kubeconfig) };
    }

    /// <summary>A command to paste with each kubectl in it pointed at the cluster that was read.</summary>
    public static string ForCluster(string command, string? context, string? kubeconfig)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (context is null && kubeconfig is null)
        {
            return command;
        }

        var flags = (kubeconfig is null ? string.Empty : $" --kubeconfig {Quote(kubeconfig)}") + (context is null ? string.Empty : $" --context {Quote(context)}");
        return Kubectl().Replace(command, m => m.Value + flags);
    }

    private static string Quote(string value) =>
        value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or ':' or '@') ? value : $"'{value.Replace("'", "'\\''", StringComparison.Ordinal)}'";

    /// <summary>"kubectl" where a command starts: at the beginning, or after a pipe, an '&amp;' or a ';'.</summary>
    [GeneratedRegex(@"(?<=^|[|&;]\s*)kubectl(?= )", RegexOptions.CultureInvariant)]
    private static partial Regex Kubectl();
}
