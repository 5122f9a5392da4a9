using System.Linq;
using MeshOps.Rules.Checks;

namespace MeshOps.Generators.Mesh.Checks
{
    /// <summary>MESH105 at an [Upstream] Port the target's Service does not expose.</summary>
    internal static class CallPortNotExposedDeclaration
    {
        public static void Check(DeclaredMesh mesh, DeclaredService service, int index, DeclaredService target)
        {
            var upstream = service.Model.Upstreams[index];
            // An impossible port is MESH702's; MESH105 is about a real port the Service lacks. Port 0 is "not written".
            if (!PortRangeDeclaration.InRange(upstream.Port))
            {
                return;
            }

            var call = new ServiceCall(
                service.Model.ServiceName, mesh.Membership(service), true, DeclaredMesh.TransparentProxyOrigin,
                target.Model.ServiceName, DeclaredMesh.Namespace, true, upstream.Port, DeclaredMesh.UpstreamWrittenAt(service, upstream));
            if (CallPortNotExposedCheck.Check(call, target.Model.ServicePorts.Select(p => p.Port).ToList()) is { } verdict)
            {
                mesh.Report(verdict, mesh.Argument(service.Attributes(KnownNames.UpstreamAttribute)[index], "Port"));
            }
        }
    }
}
