using System.Management.Automation;
using MeshOps.Consul;
using MeshOps.PowerShell.Infrastructure;

namespace MeshOps.PowerShell.Commands;

/// <summary>
/// Reads the ServiceDefaults of the cluster as the SDK's typed objects, each with the Synced status consul-k8s reported.
/// </summary>
[Cmdlet(VerbsCommon.Get, "MeshServiceDefault", DefaultParameterSetName = NamespaceSet)]
[OutputType(typeof(ServiceDefaults))]
public sealed class GetMeshServiceDefaultCommand : LiveConsulConfigCmdlet
{
    protected override IReadOnlyList<string> Kinds { get; } = ["ServiceDefaults"];

    protected override string ViewTypeName => "MeshOps.Consul.ServiceDefaults#Live";
}
