using System.Linq;
using MeshOps.Rules.Checks;

namespace MeshOps.Generators.Mesh.Checks
{
    /// <summary>
    /// MESH101 at the [ServicePort] target argument. The mesh writes one Deployment per service, in the mesh, with one
    /// container whose ports are the [ContainerPort]s in order, and a [ContainerPort] BindAddress as the app's listen
    /// address; consul-k8s registers the first of those ports.
    /// </summary>
    internal static class TargetPortMismatchDeclaration
    {
        public static void Check(DeclaredMesh mesh, DeclaredService service)
        {
            var model = service.Model;
            var ports = model.ServicePorts.Select(p => new TargetedPort(p.Port, p.TargetPortName ?? DeclaredMesh.Number(p.EffectiveTargetPort), p.TargetPortName is not null)).ToList();
            var declared = model.ContainerPorts.Select(c => new DeclaredContainerPort(c.Port, c.Name)).ToList();
            var workload = new SelectedWorkload(service.Workload, declared, mesh.Membership(service))
            {
                Registered = TargetPortMismatchCheck.Registered(null, model.ServiceName, declared, declared),
                Listeners = model.ContainerPorts
                    .Where(c => c.BindAddress is not null)
                    .Select(c => new ListenAddress(c.BindAddress, c.Port, c.BindAddress + ":" + DeclaredMesh.Number(c.Port)))
                    .ToList(),
            };
            var attributes = service.Attributes(KnownNames.ServicePortAttribute);
            foreach (var hit in TargetPortMismatchCheck.Check(model.ServiceName, DeclaredMesh.Namespace, ports, new[] { workload }))
            {
                var port = model.ServicePorts[hit.PortIndex];
                var attribute = attributes[hit.PortIndex];
                var location = port.TargetPortName is not null ? mesh.Argument(attribute, "TargetPortName")
                    : port.TargetPort != 0 ? mesh.Argument(attribute, "TargetPort")
                    : mesh.Argument(attribute, 0);
                mesh.Report(hit.Verdict, location);
            }
        }
    }
}
