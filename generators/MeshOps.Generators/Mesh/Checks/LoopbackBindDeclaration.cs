using System.Linq;
using MeshOps.Rules.Checks;

namespace MeshOps.Generators.Mesh.Checks
{
    /// <summary>MESH103 at a [ContainerPort] BindAddress: the mesh writes it as BIND_ADDRESS_&lt;port&gt;=&lt;host&gt;:&lt;port&gt;.</summary>
    internal static class LoopbackBindDeclaration
    {
        public static void Check(DeclaredMesh mesh, DeclaredService service)
        {
            var model = service.Model;
            var targets = model.ServicePorts
                .Select(p => p.TargetPortName is { } name ? model.ContainerPorts.FirstOrDefault(c => c.Name == name)?.Port : p.EffectiveTargetPort)
                .OfType<int>()
                .ToList();
            var services = new[] { new TargetingService(model.ServiceName, targets) };
            var attributes = service.Attributes(KnownNames.ContainerPortAttribute);
            for (var i = 0; i < attributes.Length; i++)
            {
                var port = model.ContainerPorts[i];
                if (port.BindAddress is not { } host)
                {
                    continue;
                }

                var bind = new ListenAddress(host, port.Port, HostPort(host, port.Port));
                if (LoopbackBindCheck.Check(model.ServiceName, DeclaredMesh.Namespace, mesh.Membership(service), bind, services) is { } hit)
                {
                    mesh.Report(hit.Verdict, mesh.Argument(attributes[i], "BindAddress"));
                }
            }
        }

        // As MeshObjectFactory writes it, so the excerpt is the one the runtime reads back.
        private static string HostPort(string host, int port) =>
            (host.IndexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + DeclaredMesh.Number(port);
    }
}
