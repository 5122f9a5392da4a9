using System.Management.Automation;
using k8s.Models;
using MeshOps.Authoring;
using MeshOps.PowerShell.Infrastructure;

namespace MeshOps.PowerShell.Commands;

/// <summary>
/// Writes a Kubernetes ServiceAccount (KubernetesClient's <c>V1ServiceAccount</c>, the type manifests are read into),
/// through <see cref="KubernetesObjectComposer"/>. Consul on Kubernetes names a service's identity after it.
/// </summary>
[Cmdlet(VerbsCommon.New, "MeshServiceAccount")]
[OutputType(typeof(V1ServiceAccount))]
public sealed class NewMeshServiceAccountCommand : MeshOpsCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string Name { get; set; } = string.Empty;

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(NamespaceNameCompleter))]
    public string? Namespace { get; set; }

    /// <summary>Sets <c>automountServiceAccountToken</c>: true when given, false with <c>:$false</c>, unset when left out.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public SwitchParameter AutomountServiceAccountToken { get; set; }

    protected override void ProcessRecord()
    {
        bool? automount = MyInvocation.BoundParameters.ContainsKey(nameof(AutomountServiceAccountToken)) ? AutomountServiceAccountToken.IsPresent : null;
        try
        {
            WriteObject(KubernetesObjectComposer.ServiceAccount(Name, Namespace, automount));
        }
        catch (InvalidMeshObjectException e)
        {
            WriteError(NewErrorRecord(ErrorIds.InvalidMeshObject, e, Name));
        }
    }
}
