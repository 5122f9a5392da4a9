using System.Collections;

namespace MeshOps.PowerShell.Infrastructure;

/// <summary>
/// Completes the names of the consul.hashicorp.com objects a Get-Mesh* cmdlet reads: ServiceIntentions for
/// Get-MeshIntention, ServiceDefaults for Get-MeshServiceDefault, the -Kind given (else every kind) for Get-MeshConfig.
/// </summary>
public sealed class ConsulObjectNameCompleter : MeshNameCompleter
{
    // Strings, as Get-MeshConfig's -Kind spells them: the completer must not make PowerShell load the SDK to list them.
    private static readonly string[] AllKinds =
        ["ExportedServices", "IngressGateway", "Mesh", "ProxyDefaults", "ServiceDefaults", "ServiceIntentions", "ServiceResolver", "ServiceRouter", "ServiceSplitter", "TerminatingGateway"];

    private protected override IEnumerable<string> Names(CompletionNames names, string command, IDictionary? bound) =>
        Kinds(command, bound) is { Count: > 0 } kinds ? names.ConsulObjects(kinds) : [];

    private protected override string ToolTip => "Consul config entry";

    private static IReadOnlyList<string> Kinds(string command, IDictionary? bound)
    {
        // A module-qualified name (MeshOps\Get-MeshIntention) names the same cmdlet.
        var name = command[(command.LastIndexOf('\\') + 1)..];
        if (name.Equals("Get-MeshIntention", StringComparison.OrdinalIgnoreCase))
        {
            return ["ServiceIntentions"];
        }

        if (name.Equals("Get-MeshServiceDefault", StringComparison.OrdinalIgnoreCase))
        {
            return ["ServiceDefaults"];
        }

        var chosen = Strings(bound, "Kind");
        return chosen.Count == 0 ? AllKinds : [.. AllKinds.Where(k => chosen.Contains(k, StringComparer.OrdinalIgnoreCase))];
    }
}
