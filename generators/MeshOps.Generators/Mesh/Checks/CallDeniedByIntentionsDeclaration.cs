using MeshOps.Rules.Checks;
using MeshOps.Rules.Intentions;

namespace MeshOps.Generators.Mesh.Checks
{
    /// <summary>MESH201 at the [Upstream] whose call the declared intentions deny.</summary>
    internal static class CallDeniedByIntentionsDeclaration
    {
        public static void Check(DeclaredMesh mesh, DeclaredIntentions intentions, DeclaredService service)
        {
            var attributes = service.Attributes(KnownNames.UpstreamAttribute);
            for (var i = 0; i < attributes.Length; i++)
            {
                var upstream = service.Model.Upstreams[i];
                if (mesh.ServiceOfType(upstream.TargetMetadataName) is not { } destination)
                {
                    continue;
                }

                // With no Helm values consul-k8s runs with ACLs off, so a call no intention matches is allowed.
                var decision = intentions.Evaluator.Check(
                    new ServiceIdentity(DeclaredMesh.Namespace, service.Model.ServiceName),
                    new ServiceIdentity(DeclaredMesh.Namespace, destination.Model.ServiceName),
                    DefaultDecision.Allow);
                var call = new IntentionCheckedCall(
                    service.Model.ServiceName, destination.Model.ServiceName, mesh.ServiceNamed(destination.Model.ServiceName)!.Protocol, DeclaredMesh.UpstreamWrittenAt(service, upstream),
                    DeclaredMesh.Namespace, decision, DeclaredIntentions.MatchedAt(decision), "ACLs are off without Helm values, so the default is allow");
                if (CallDeniedByIntentionsCheck.Check(call) is { } verdict)
                {
                    mesh.Report(verdict, mesh.Argument(attributes[i], 0));
                }
            }
        }
    }
}
