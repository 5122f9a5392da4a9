namespace MeshOps.Paths.Hops;

/// <summary>The protocol Consul configures for the destination and where it is set (Consul's default is tcp).</summary>
internal sealed class ProtocolHop : IHopCheck
{
    public PathHopName Name => PathHopName.Protocol;

    public HopInputs? Inputs(PathContext path) => HopInputs.Destination(path);

    public HopJudgement Judge(PathContext path)
    {
        var destination = path.Destination;
        var protocol = path.Model.Protocols.For(destination.Namespace, destination.ConsulName);
        return new HopJudgement(
            PathHopStatus.Pass,
            [(protocol.Location ?? protocol.Resource?.Location) is { } location
                ? $"{location}: {destination.ConsulName} speaks {protocol.Value}, set in {protocol.Origin}"
                : $"{destination.ConsulName} speaks {protocol.Value} ({protocol.Origin}): no ServiceDefaults or ProxyDefaults in the inputs sets it"],
            "",
            "",
            $"kubectl get servicedefaults {destination.ConsulName} -n {destination.Namespace} -o jsonpath='{{.spec.protocol}}'");
    }
}
