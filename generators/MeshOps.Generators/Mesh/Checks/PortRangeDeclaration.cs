using Microsoft.CodeAnalysis;

namespace MeshOps.Generators.Mesh.Checks
{
    /// <summary>MESH702 (compile time only): a container, Service, target or upstream port outside 1-65535.</summary>
    internal static class PortRangeDeclaration
    {
        public static void Check(DeclaredMesh mesh, DeclaredService service)
        {
            var containerPorts = service.Attributes(KnownNames.ContainerPortAttribute);
            for (var i = 0; i < containerPorts.Length; i++)
            {
                CheckRange(mesh, service, service.Model.ContainerPorts[i].Port, "ContainerPort", mesh.Argument(containerPorts[i], 0));
            }

            var servicePorts = service.Attributes(KnownNames.ServicePortAttribute);
            for (var i = 0; i < servicePorts.Length; i++)
            {
                var port = service.Model.ServicePorts[i];
                CheckRange(mesh, service, port.Port, "ServicePort", mesh.Argument(servicePorts[i], 0));
                if (port.TargetPort != 0)
                {
                    CheckRange(mesh, service, port.TargetPort, "ServicePort TargetPort", mesh.Argument(servicePorts[i], "TargetPort"));
                }
            }

            var upstreams = service.Attributes(KnownNames.UpstreamAttribute);
            for (var i = 0; i < upstreams.Length; i++)
            {
                if (service.Model.Upstreams[i].Port != 0)
                {
                    CheckRange(mesh, service, service.Model.Upstreams[i].Port, "Upstream Port", mesh.Argument(upstreams[i], "Port"));
                }
            }
        }

        public static bool InRange(int port) => port >= 1 && port <= 65535;

        private static void CheckRange(DeclaredMesh mesh, DeclaredService service, int port, string what, Location location)
        {
            if (!InRange(port))
            {
                mesh.Report(DiagnosticDescriptors.PortOutOfRange, location, DeclaredMesh.Number(port), what, service.Display);
            }
        }
    }
}
