namespace MeshOps.Envoy.Stats;

/// <summary>The <c>cluster.&lt;name&gt;.</c> start every stat of one cluster shares, with the cluster decoded once.</summary>
internal sealed class StatNameHead
{
    public StatNameHead(string clusterName)
    {
        Prefix = "cluster." + clusterName + ".";
        Cluster = ConsulClusterName.Parse(clusterName);
    }

    public string Prefix { get; }

    public ConsulClusterName Cluster { get; }
}
