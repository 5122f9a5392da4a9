using System.Linq;
using MeshOps.Rules.Checks;

namespace MeshOps.Generators.Mesh.Checks
{
    /// <summary>
    /// MESH204 at the L7 intention call. The mesh always writes the destination's ServiceDefaults protocol (tcp when
    /// [MeshService] sets none), so the protocol is always explicitly set; it is written at the Protocol argument, or
    /// by the [MeshService] attribute that leaves it out.
    /// </summary>
    internal static class L7PermissionsOnTcpDeclaration
    {
        public static void Check(DeclaredMesh mesh, DeclaredIntentions.Destination destination)
        {
            var service = destination.Service;
            var name = service.Model.ServiceName;
            var value = service.Model.ProtocolMember.Length > 0 ? service.Protocol : DeclaredMesh.Number(service.Model.ProtocolValue);
            var setAt = DeclaredMesh.Sets(service.MeshService, "Protocol") ? mesh.Argument(service.MeshService, "Protocol") : mesh.Whole(service.MeshService);
            var protocol = new ProtocolInForce(value, true, value + " (set in ServiceDefaults " + name + " at " + DeclaredMesh.Display(setAt) + ")");
            var sources = destination.Entry.Sources.Select(s => (s.Name, s.IsL7)).ToList();
            foreach (var hit in L7PermissionsOnTcpCheck.Check(name, name, DeclaredMesh.Namespace, protocol, sources))
            {
                mesh.Report(hit.Verdict, destination.Calls[hit.SourceIndex].Location);
            }
        }
    }
}
