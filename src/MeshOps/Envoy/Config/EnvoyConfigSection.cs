namespace MeshOps.Envoy.Config;

/// <summary>One element of <c>configs</c>: its <c>@type</c> and how many resources it holds.</summary>
public sealed record EnvoyConfigSection(string TypeUrl, int Resources)
{
    /// <summary>The message name: <c>ListenersConfigDump</c>, <c>ClustersConfigDump.DynamicCluster</c>.</summary>
    public string Type => TypeUrl.StartsWith("type.googleapis.com/envoy.admin.v3.", StringComparison.Ordinal)
        ? TypeUrl["type.googleapis.com/envoy.admin.v3.".Length..]
        : TypeUrl;

    public override string ToString() => Type;
}
