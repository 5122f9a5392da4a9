using System.Collections;

namespace MeshOps.PowerShell.Infrastructure;

/// <summary>Completes Kubernetes Service names (the names Consul's catalog and intentions use) from -Path or the cluster.</summary>
public sealed class ServiceNameCompleter : MeshNameCompleter
{
    private protected override IEnumerable<string> Names(CompletionNames names, string command, IDictionary? bound) => names.Services();

    private protected override string ToolTip => "Service";
}
