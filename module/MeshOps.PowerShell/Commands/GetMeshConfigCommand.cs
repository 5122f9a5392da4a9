using System.Management.Automation;
using MeshOps.Consul;
using MeshOps.PowerShell.Infrastructure;

namespace MeshOps.PowerShell.Commands;

/// <summary>
/// Reads the consul.hashicorp.com resources of the cluster (every kind MeshOps reads, or those of -Kind) as the SDK's
/// typed objects, each with the Synced status consul-k8s reported; like kubectl get across the Consul CRDs.
/// </summary>
[Cmdlet(VerbsCommon.Get, "MeshConfig", DefaultParameterSetName = NamespaceSet)]
[OutputType(typeof(IMeshResource))]
public sealed class GetMeshConfigCommand : LiveConsulConfigCmdlet
{
    // Strings, not an SDK type: the cmdlet's parameters must not make PowerShell load the SDK while it analyses the module.
    private static readonly string[] AllKinds =
        ["ExportedServices", "IngressGateway", "Mesh", "ProxyDefaults", "ServiceDefaults", "ServiceIntentions", "ServiceResolver", "ServiceRouter", "ServiceSplitter", "TerminatingGateway"];

    [Parameter]
    [ValidateSet("ExportedServices", "IngressGateway", "Mesh", "ProxyDefaults", "ServiceDefaults", "ServiceIntentions", "ServiceResolver", "ServiceRouter", "ServiceSplitter", "TerminatingGateway")]
    public string[]? Kind { get; set; }

    protected override IReadOnlyList<string> Kinds =>
        Kind is { Length: > 0 } ? [.. AllKinds.Where(k => Kind.Contains(k, StringComparer.OrdinalIgnoreCase))] : AllKinds;

    protected override string ViewTypeName => "MeshOps.Consul.IMeshResource#Live";
}
