using MeshOps.Rules.Checks;

namespace MeshOps.Generators.Mesh.Checks
{
    /// <summary>
    /// MESH203 at the repeated intention call. The mesh writes one ServiceIntentions per destination, so only a
    /// repeated source can occur, never a repeated destination.
    /// </summary>
    internal static class DuplicateIntentionDeclaration
    {
        public static void Check(DeclaredMesh mesh, DeclaredIntentions.Destination destination)
        {
            var name = destination.Service.Model.ServiceName;
            var written = new WrittenIntentions(name, DeclaredMesh.Namespace, "ServiceIntentions/" + name, DeclaredMesh.Display(destination.Calls[0].Location), destination.Entry);
            foreach (var hit in DuplicateIntentionCheck.DuplicateSources(written, index => DeclaredMesh.Display(destination.Calls[index].Location)))
            {
                mesh.Report(hit.Verdict, destination.Calls[hit.SourceIndex].Location);
            }
        }
    }
}
