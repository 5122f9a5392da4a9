using MeshOps.Rules.Checks;

namespace MeshOps.Generators.Mesh.Checks
{
    /// <summary>
    /// MESH402 at [ServiceAccount(AutomountToken = false)]: the mesh writes that on the service's ServiceAccount and
    /// leaves the pod template's own setting out, so the ServiceAccount's decides.
    /// </summary>
    internal static class ServiceAccountTokenNotMountedDeclaration
    {
        public static void Check(DeclaredMesh mesh, DeclaredService service)
        {
            if (MeshParser.FindAttribute(service.Type, KnownNames.ServiceAccountAttribute) is not { } account)
            {
                return;
            }

            var name = service.Model.ServiceName;
            // The typed mesh writes no consul-k8s Helm values, so whether ACLs are on is not known here: a Warning.
            var facts = new TokenMount(name, service.Workload, DeclaredMesh.Namespace, "app=" + name, mesh.Membership(service), null, name, service.Model.AutomountToken,
                null, ServiceAccountTokenNotMountedCheck.AclsNotKnown);
            if (ServiceAccountTokenNotMountedCheck.Check(facts) is { } hit)
            {
                mesh.Report(hit.Verdict, mesh.Argument(account, "AutomountToken"));
            }
        }
    }
}
