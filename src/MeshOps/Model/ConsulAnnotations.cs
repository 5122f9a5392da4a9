namespace MeshOps.Model;

/// <summary>The consul-k8s annotations and labels the model reads (consul-k8s control-plane/connect-inject/constants).</summary>
public static class ConsulAnnotations
{
    public const string ConnectInject = "consul.hashicorp.com/connect-inject";
    public const string ConnectService = "consul.hashicorp.com/connect-service";
    public const string ConnectServicePort = "consul.hashicorp.com/connect-service-port";
    public const string ConnectServiceUpstreams = "consul.hashicorp.com/connect-service-upstreams";
    public const string TransparentProxy = "consul.hashicorp.com/transparent-proxy";
    public const string ServiceIgnore = "consul.hashicorp.com/service-ignore";

    /// <summary>MeshOps' own suppression annotation: a comma-separated list of rule IDs.</summary>
    public const string MeshOpsIgnore = "meshops.io/ignore";
}
