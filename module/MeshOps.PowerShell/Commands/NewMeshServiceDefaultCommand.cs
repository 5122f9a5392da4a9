using System.Collections;
using System.Management.Automation;
using MeshOps.Authoring;
using MeshOps.Consul;
using MeshOps.PowerShell.Infrastructure;

namespace MeshOps.PowerShell.Commands;

/// <summary>
/// Writes a ServiceDefaults (the generated <c>MeshOps.Consul.ServiceDefaults</c>) through <see cref="ServiceDefaultsComposer"/>,
/// refused with Consul's words when Consul would refuse it. One object per call, or per piped record.
/// </summary>
[Cmdlet(VerbsCommon.New, "MeshServiceDefault")]
[OutputType(typeof(ServiceDefaults))]
public sealed class NewMeshServiceDefaultCommand : MeshOpsCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ServiceNameCompleter))]
    public string Name { get; set; } = string.Empty;

    // Strings, not the SDK's enums: a member of an SDK value type would make PowerShell load the SDK while it
    // analyses the module, before ModuleAssemblyLoader can resolve it from dependencies/.
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [ValidateSet("http", "http2", "grpc", "tcp")]
    public string Protocol { get; set; } = string.Empty;

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(NamespaceNameCompleter))]
    public string? Namespace { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateSet("strict", "permissive")]
    public string? MutualTlsMode { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateSet("none", "local", "remote")]
    public string? MeshGatewayMode { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public long? LocalConnectTimeoutMs { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public long? LocalRequestTimeoutMs { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public long? MaxInboundConnections { get; set; }

    /// <summary>One hashtable per upstream: <c>@{ Name = 'postgres'; Protocol = 'tcp'; ConnectTimeoutMs = 5000 }</c>.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNull]
    public Hashtable[]? UpstreamOverride { get; set; }

    protected override void ProcessRecord()
    {
        try
        {
            WriteObject(ServiceDefaultsComposer.Compose(Request()));
        }
        catch (InvalidMeshObjectException e)
        {
            WriteError(NewErrorRecord(ErrorIds.InvalidMeshObject, e, Name));
        }
    }

    private ServiceDefaultsRequest Request() => new(Name, ConsulEnum<MeshProtocol>.Parse(Protocol)!.Value)
    {
        Namespace = Namespace,
        MutualTlsMode = MutualTlsMode is null ? null : ConsulEnum<ServiceDefaultsMutualTLSMode>.Parse(MutualTlsMode.ToLowerInvariant()),
        MeshGatewayMode = MeshGatewayMode is null ? null : ConsulEnum<ServiceDefaultsMeshGatewayMode>.Parse(MeshGatewayMode.ToLowerInvariant()),
        LocalConnectTimeoutMs = LocalConnectTimeoutMs,
        LocalRequestTimeoutMs = LocalRequestTimeoutMs,
        MaxInboundConnections = MaxInboundConnections,
        UpstreamOverrides = [.. (UpstreamOverride ?? []).Select(Entries)],
    };

    // Values typed into a hashtable may arrive wrapped (@{ ConnectTimeoutMs = $timeout }); the SDK reads plain values.
    private static Dictionary<string, object?> Entries(Hashtable table)
    {
        var entries = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (DictionaryEntry entry in table)
        {
            entries[entry.Key.ToString() ?? string.Empty] = entry.Value is PSObject wrapped ? wrapped.BaseObject : entry.Value;
        }

        return entries;
    }
}
