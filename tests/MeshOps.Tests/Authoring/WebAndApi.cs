using MeshOps.Authoring;
using MeshOps.Consul;

namespace MeshOps.Tests.Authoring;

/// <summary>The smallest typed mesh with a call: web (http, 80 → 8080) calls api on 9090 (http, 9090 → 9090).</summary>
internal static class WebAndApi
{
    public static readonly MeshServiceSpec Web = new()
    {
        Name = "web",
        Protocol = MeshProtocol.Http,
        Image = "example/web:1",
        ContainerPorts = [new ContainerPortSpec(8080)],
        ServicePorts = [new ServicePortSpec(80, 8080)],
        Upstreams = [new UpstreamSpec("api", 9090)],
    };

    public static readonly MeshServiceSpec Api = new()
    {
        Name = "api",
        Protocol = MeshProtocol.Http,
        Image = "example/api:1",
        ContainerPorts = [new ContainerPortSpec(9090)],
        ServicePorts = [new ServicePortSpec(9090, 9090)],
    };
}
