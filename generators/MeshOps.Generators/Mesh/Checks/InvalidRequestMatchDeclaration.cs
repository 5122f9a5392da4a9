using MeshOps.Rules.Intentions;

namespace MeshOps.Generators.Mesh.Checks
{
    /// <summary>
    /// MESH706 (compile time only): an L7 request match Consul refuses, which Build() would throw. The decision and the
    /// words are HttpRequestMatchCheck's, the one HttpMatch throws from; the source index is the call's among those of
    /// its destination, as the mesh writes the ServiceIntentions, so the message equals Build()'s and New-MeshIntention's.
    /// </summary>
    internal static class InvalidRequestMatchDeclaration
    {
        public static void Check(DeclaredMesh mesh, DeclaredIntentions.Destination destination)
        {
            for (var source = 0; source < destination.Calls.Count; source++)
            {
                var call = destination.Calls[source];
                for (var permission = 0; permission < call.Requests.Count; permission++)
                {
                    if (call.Requests[permission] is { } request && FirstRefusal(request) is { } refusal)
                    {
                        mesh.Report(DiagnosticDescriptors.InvalidRequestMatch, refusal.Location,
                            HttpRequestMatchCheck.At(source, permission) + refusal.Message, DeclaredMesh.Display(call.Location));
                    }
                }
            }
        }

        // HttpMatch throws at the first criterion Consul refuses, so that one is reported.
        private static (string Message, Microsoft.CodeAnalysis.Location Location)? FirstRefusal(RequestMatch request)
        {
            var check = new HttpRequestMatchCheck();
            foreach (var step in request.Steps)
            {
                var refused = step.Kind switch
                {
                    "Method" => check.Method(step.Value),
                    "Header" => check.Header(step.Value, step.FieldsSet, step.IgnoreCase, step.TextMatch),
                    _ => check.Path(step.Kind, step.Value),
                };
                if (refused is not null)
                {
                    return (refused, step.Location);
                }
            }

            return check.Complete() is { } empty ? (empty, request.DeclaredAt) : null;
        }
    }
}
