using MeshOps.Generators.Common;

namespace MeshOps.Generators.Mesh.Models
{
    /// <summary>
    /// One [MeshService] class as declared: plain values only (no symbols or syntax), so it compares by value.
    /// Ports and names are kept as written, even when invalid: the analyzer reports them, the emitter writes them.
    /// </summary>
    internal sealed record DeclaredServiceModel(
        MeshTypeModel Mesh,
        string ClassName,
        string TypeMetadataName,
        string ServiceName,
        string ProtocolMember,
        int ProtocolValue,
        string? Image,
        int Replicas,
        string? Namespace,
        bool AutomountToken,
        EquatableArray<ContainerPortModel> ContainerPorts,
        EquatableArray<ServicePortModel> ServicePorts,
        EquatableArray<UpstreamModel> Upstreams);

    /// <summary>The mesh class a service is nested in: where to write the partial declarations.</summary>
    internal sealed record MeshTypeModel(string Namespace, EquatableArray<string> ContainingTypes, string Name, string MetadataName, string FullyQualifiedName);

    /// <summary>[ContainerPort(Port, Name = ..., BindAddress = ...)].</summary>
    internal sealed record ContainerPortModel(int Port, string? Name, string? BindAddress);

    /// <summary>[ServicePort(Port, TargetPort = ..., TargetPortName = ..., Name = ...)]; TargetPort is 0 when not written.</summary>
    internal sealed record ServicePortModel(int Port, int TargetPort, string? TargetPortName, string? Name)
    {
        /// <summary>The container port number traffic goes to, when the target is a number.</summary>
        public int EffectiveTargetPort => TargetPort == 0 ? Port : TargetPort;
    }

    /// <summary>[Upstream(typeof(Target), Port = ...)], the target by metadata name; Port is 0 when not written.</summary>
    internal sealed record UpstreamModel(string TargetMetadataName, string TargetDisplayName, int Port);

    /// <summary>A mesh and its services in declaration order: the unit the emitter writes one file for.</summary>
    internal sealed record TypedMeshModel(MeshTypeModel Mesh, EquatableArray<DeclaredServiceModel> Services)
    {
        /// <summary>The Service port an upstream calls: as written, else the target's first Service port, else 0.</summary>
        public static int PortOf(UpstreamModel upstream, DeclaredServiceModel target) =>
            upstream.Port != 0 ? upstream.Port : target.ServicePorts.Count > 0 ? target.ServicePorts[0].Port : 0;
    }
}
