namespace MeshOps.Generators.Mesh.Checks
{
    /// <summary>
    /// Runs every check of one typed mesh in a fixed order: each service's declarations, then its upstreams, then the
    /// intentions. The rules shared with the runtime decide in MeshOps.Rules.Checks; these adapters only read the
    /// declarations and place the diagnostic.
    /// </summary>
    internal static class DeclarationChecks
    {
        public static void Run(DeclaredMesh mesh)
        {
            var byName = ServiceNameDeclaration.NewIndex();
            foreach (var service in mesh.Services)
            {
                ServiceNameDeclaration.Check(mesh, service, byName);
                PortRangeDeclaration.Check(mesh, service);
                TargetPortMismatchDeclaration.Check(mesh, service);
                LoopbackBindDeclaration.Check(mesh, service);
                HttpProtocolOnTcpServiceDeclaration.Check(mesh, service);
                ServiceAccountTokenNotMountedDeclaration.Check(mesh, service);
                for (var i = 0; i < service.Model.Upstreams.Count; i++)
                {
                    if (UpstreamInMeshDeclaration.Check(mesh, service, i) is { } target)
                    {
                        CallPortNotExposedDeclaration.Check(mesh, service, i, target);
                    }
                }
            }

            var intentions = DeclaredIntentions.Read(mesh);
            foreach (var destination in intentions.Destinations)
            {
                DuplicateIntentionDeclaration.Check(mesh, destination);
                L7PermissionsOnTcpDeclaration.Check(mesh, destination);
                InvalidRequestMatchDeclaration.Check(mesh, destination);
            }

            foreach (var service in mesh.Services)
            {
                CallDeniedByIntentionsDeclaration.Check(mesh, intentions, service);
            }
        }
    }
}
