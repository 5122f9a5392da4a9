namespace MeshOps.Generators.Mesh.Checks
{
    /// <summary>MESH704 (compile time only): an [Upstream] naming a class that is no service of this mesh.</summary>
    internal static class UpstreamInMeshDeclaration
    {
        /// <summary>The upstream's target service, or null after reporting that it is none of this mesh's.</summary>
        public static DeclaredService? Check(DeclaredMesh mesh, DeclaredService service, int index)
        {
            var upstream = service.Model.Upstreams[index];
            if (mesh.ServiceOfType(upstream.TargetMetadataName) is { } target)
            {
                return target;
            }

            mesh.Report(DiagnosticDescriptors.UpstreamNotInMesh, mesh.Argument(service.Attributes(KnownNames.UpstreamAttribute)[index], 0),
                upstream.TargetDisplayName, service.Display, mesh.Symbol.Name);
            return null;
        }
    }
}
