using System.Collections;
using System.Management.Automation;
using k8s.Models;
using MeshOps.Authoring;
using MeshOps.PowerShell.Infrastructure;

namespace MeshOps.PowerShell.Commands;

/// <summary>
/// Writes a Kubernetes Service (KubernetesClient's <c>V1Service</c>) that maps -Port to -TargetPort on the pods
/// -Selector picks, through <see cref="KubernetesObjectComposer"/>, checked as the API server checks it.
/// </summary>
[Cmdlet(VerbsCommon.New, "MeshServicePort")]
[OutputType(typeof(V1Service))]
public sealed class NewMeshServicePortCommand : MeshOpsCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ServiceNameCompleter))]
    public string Name { get; set; } = string.Empty;

    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    public int Port { get; set; }

    /// <summary>A port number or the name of a container port; PowerShell passes <c>8080</c> as "8080".</summary>
    [Parameter(Mandatory = true, Position = 2, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string TargetPort { get; set; } = string.Empty;

    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNull]
    public Hashtable Selector { get; set; } = [];

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(NamespaceNameCompleter))]
    public string? Namespace { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateSet("TCP", "UDP", "SCTP")]
    public string Protocol { get; set; } = "TCP";

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? PortName { get; set; }

    protected override void ProcessRecord()
    {
        var selector = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Selector)
        {
            selector[entry.Key.ToString() ?? string.Empty] = entry.Value?.ToString() ?? string.Empty;
        }

        var request = new ServicePortRequest(Name, Port, TargetPort, selector)
        {
            Namespace = Namespace,
            Protocol = Protocol.ToUpperInvariant(),
            PortName = PortName,
        };
        try
        {
            WriteObject(KubernetesObjectComposer.Service(request));
        }
        catch (InvalidMeshObjectException e)
        {
            WriteError(NewErrorRecord(ErrorIds.InvalidMeshObject, e, Name));
        }
    }
}
