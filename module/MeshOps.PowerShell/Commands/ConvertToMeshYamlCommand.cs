using System.Management.Automation;
using k8s;
using k8s.Models;
using MeshOps.Authoring;
using MeshOps.Consul;
using MeshOps.PowerShell.Infrastructure;

namespace MeshOps.PowerShell.Commands;

/// <summary>
/// Writes typed mesh objects (New-MeshIntention's ServiceIntentions, the SDK's Consul kinds, Kubernetes objects) as
/// one YAML text of documents separated by <c>---</c>, as <c>kubectl apply -f</c> reads it, through the SDK's
/// <see cref="ManifestYamlWriter"/> (what a typed mesh's <c>ToYaml()</c> gives).
/// </summary>
[Cmdlet(VerbsData.ConvertTo, "MeshYaml")]
[OutputType(typeof(string))]
public sealed class ConvertToMeshYamlCommand : MeshOpsCmdlet
{
    private readonly List<object> _objects = [];

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    public object[] InputObject { get; set; } = [];

    protected override void ProcessRecord()
    {
        foreach (var item in InputObject)
        {
            var value = item is PSObject wrapped ? wrapped.BaseObject : item;
            switch (value)
            {
                // A Secret's data is a credential, which never reaches MeshOps' output.
                case V1Secret secret:
                    WriteError(NewErrorRecord(ErrorIds.NotAMeshObject,
                        $"Secret '{secret.Metadata?.Name}' is not written: MeshOps never writes credentials. Create it with kubectl create secret.", secret.Metadata?.Name));
                    break;
                case IMeshResource or IKubernetesObject:
                    _objects.Add(value);
                    break;
                default:
                    WriteError(NewErrorRecord(ErrorIds.NotAMeshObject,
                        $"A {value?.GetType().FullName ?? "null"} is no Kubernetes or mesh object; pipe the objects New-MeshIntention or the SDK's builders write.", value?.GetType().FullName));
                    break;
            }
        }
    }

    protected override void EndProcessing()
    {
        if (_objects.Count > 0)
        {
            WriteObject(ManifestYamlWriter.Write(_objects));
        }
    }
}
