using System.Management.Automation;
using MeshOps.Consul;
using MeshOps.PowerShell.Infrastructure;

namespace MeshOps.PowerShell.Commands;

/// <summary>
/// Reads the ServiceIntentions of the cluster as the typed objects New-MeshIntention writes, each with the Synced
/// status consul-k8s reported, so they pipe into ConvertTo-MeshYaml, New-MeshIntention -InputObject and Compare-MeshConfig.
/// </summary>
[Cmdlet(VerbsCommon.Get, "MeshIntention", DefaultParameterSetName = NamespaceSet)]
[OutputType(typeof(ServiceIntentions))]
public sealed class GetMeshIntentionCommand : LiveConsulConfigCmdlet
{
    protected override IReadOnlyList<string> Kinds { get; } = ["ServiceIntentions"];

    protected override string ViewTypeName => "MeshOps.Consul.ServiceIntentions#Live";
}
