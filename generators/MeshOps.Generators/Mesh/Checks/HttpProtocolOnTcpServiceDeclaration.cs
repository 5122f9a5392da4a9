using System;
using System.Linq;
using MeshOps.Rules.Checks;

namespace MeshOps.Generators.Mesh.Checks
{
    /// <summary>MESH301 at the [MeshService] Protocol: the mesh writes it into the service's own ServiceDefaults.</summary>
    internal static class HttpProtocolOnTcpServiceDeclaration
    {
        public static void Check(DeclaredMesh mesh, DeclaredService service)
        {
            var model = service.Model;
            // A typed upstream has no URL scheme, so the ports and the image are all the evidence there is.
            var facts = new TcpFacts(
                model.ServiceName,
                model.ServicePorts.Select(p => p.Port).ToList(),
                new[] { new RunningImage(service.Workload, model.Image) },
                Array.Empty<ServiceCaller>());
            if (HttpProtocolOnTcpServiceCheck.Check(DeclaredMesh.Namespace, service.Protocol, facts) is { } hit)
            {
                mesh.Report(hit.Verdict, mesh.Argument(service.MeshService, "Protocol"));
            }
        }
    }
}
