using System.Collections;

namespace MeshOps.PowerShell.Infrastructure;

/// <summary>Completes namespace names from -Path (the namespaces its objects are in) or the cluster.</summary>
public sealed class NamespaceNameCompleter : MeshNameCompleter
{
    private protected override IEnumerable<string> Names(CompletionNames names, string command, IDictionary? bound) => names.Namespaces();

    private protected override string ToolTip => "Namespace";
}
