using System.Collections;
using System.Management.Automation;
using k8s.Models;
using MeshOps.Authoring;
using MeshOps.PowerShell.Infrastructure;

namespace MeshOps.PowerShell.Commands;

/// <summary>
/// Writes a Kubernetes Service (KubernetesClient's <c>V1Service</c>) that maps -Port to -TargetPort on the pods
/// -Selector picks, through <see cref="KubernetesObjectComposer"/>, checked as the API server checks it. As
/// New-MeshIntention does per destination, the command collects what it is given and writes one Service per name and
/// namespace at the end: a Service piped in gains the port when it has the same name, and passes through otherwise.
/// </summary>
[Cmdlet(VerbsCommon.New, "MeshServicePort")]
[OutputType(typeof(V1Service))]
public sealed class NewMeshServicePortCommand : MeshOpsCmdlet
{
    private readonly List<V1Service> _services = [];

    // Parameters typed on the command line describe one port for the whole pipeline; bound from each piped record
    // (a CSV row), they describe one port per record.
    private bool _fromCommandLine;

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

    /// <summary>
    /// The pods' labels: a hashtable, or kubectl's selector text ("app=payments,tier=backend") as a CSV holds it. Not
    /// mandatory, so that a port added to a Service piped in keeps that Service's selector; a new Service without one
    /// is the API server's "spec.selector: Required value".
    /// </summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNull]
    [LabelSelectorTransformation]
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

    /// <summary>Services written before (New-MeshServicePort piped into itself) that the port is added to when the name matches.</summary>
    [Parameter(ValueFromPipeline = true)]
    public V1Service[] InputObject { get; set; } = [];

    protected override void BeginProcessing() =>
        _fromCommandLine = MyInvocation.BoundParameters.ContainsKey(nameof(Name));

    protected override void ProcessRecord()
    {
        _services.AddRange(InputObject);

        if (!_fromCommandLine)
        {
            Add(Request());
        }
    }

    protected override void EndProcessing()
    {
        if (_fromCommandLine)
        {
            Add(Request());
        }

        foreach (var service in _services)
        {
            WriteObject(service);
        }
    }

    private void Add(ServicePortRequest request)
    {
        try
        {
            var same = _services.FindIndex(s => KubernetesObjectComposer.IsServiceOf(s, request));
            if (same < 0)
            {
                _services.Add(KubernetesObjectComposer.Service(request));
            }
            else
            {
                _services[same] = KubernetesObjectComposer.Service(request, _services[same]);
            }
        }
        // The Services composed so far are still written: each is whole, and the error names the port that was not added.
        catch (InvalidMeshObjectException e)
        {
            WriteError(NewErrorRecord(ErrorIds.InvalidMeshObject, e, Name));
        }
    }

    private ServicePortRequest Request()
    {
        var selector = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Selector)
        {
            selector[entry.Key.ToString() ?? string.Empty] = entry.Value?.ToString() ?? string.Empty;
        }

        return new ServicePortRequest(Name, Port, TargetPort, selector)
        {
            Namespace = Namespace,
            Protocol = Protocol.ToUpperInvariant(),
            PortName = PortName,
        };
    }
}
