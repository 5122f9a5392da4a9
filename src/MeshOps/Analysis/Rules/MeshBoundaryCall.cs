using MeshOps.Model;
using MeshOps.Rules.Catalog;

namespace MeshOps.Analysis.Rules;

/// <summary>
/// MESH502: a call between a workload in the mesh and one outside it. A plaintext call into a service whose permissive
/// mTLS is in force is not one: its sidecar takes it.
/// </summary>
internal sealed class MeshBoundaryCall : IMeshRule
{
    public RuleDescriptor Descriptor => RuleCatalog.MeshBoundaryCall;

    public IEnumerable<RuleHit> Check(MeshModel model, RuleContext context)
    {
        var reported = new HashSet<(Workload, KubernetesService)>();
        // Read once: a mesh half injected (a migration) has a boundary call for most services.
        var modes = new Lazy<ILookup<string, Sources.ManifestResource>>(() => PermissiveMutualTls.ModesByService(model));
        foreach (var edge in model.Edges)
        {
            if (edge.Target is not { Workloads.Count: > 0 } target || edge.Source.InMesh == target.InMesh
                || !reported.Add((edge.Source, target)))
            {
                continue;
            }

            // A plaintext caller reaching a permissive sidecar is passed through to the app unmodified (Consul 1.16+,
            // the public listener's extra filter chain): the call works, which is what permissive mode is for.
            var permissive = edge.Source.InMesh ? null : PermissiveMutualTls.For(model, modes.Value, target.ConsulName);
            if (permissive is { Allowed: true })
            {
                continue;
            }

            var outside = edge.Source.InMesh
                ? $"{target.Name} (no pod selected by Service {target.Name} has a sidecar: {target.Workloads[0].InMeshOrigin})"
                : $"the caller {edge.Source.Name} ({edge.Source.InMeshOrigin})";
            // Inbound to a mesh pod is redirected to Envoy's public listener, which accepts only mTLS from the mesh.
            // Outbound from a mesh pod to a non-mesh one leaves through the passthrough cluster: no mTLS, no intentions.
            var consequence = edge.Source.InMesh
                ? model.Settings.MeshDestinationsOnly.Value
                    ? $"Mesh transparentProxy.meshDestinationsOnly is true ({model.Settings.MeshDestinationsOnly.Origin}), so Envoy refuses the call."
                    : "The call leaves the mesh through Envoy's passthrough: no mTLS and no intentions apply, and it fails once Mesh transparentProxy.meshDestinationsOnly is true."
                : permissive is not null
                    ? $"{permissive.SetAt} sets mutualTLSMode: permissive, but {permissive.AllowedOrigin}: Consul refuses that entry ('cannot set MutualTLSMode=permissive because AllowEnablingPermissiveMutualTLS=false in the mesh config entry'), so {target.Name}'s sidecar still accepts only mTLS and resets the plaintext connection."
                    : "The destination's sidecar accepts only mTLS from mesh services, so the plaintext connection is reset ('connection reset by peer' / 'upstream connect error').";
            // Without a Mesh entry in the inputs the refusal is an assumption: the entry may be applied from elsewhere.
            var severity = edge.Source.InMesh
                ? model.Settings.MeshDestinationsOnly.Value ? (Severity?)null : Severity.Warning
                : permissive is { MeshEntryInInputs: false } ? Severity.Warning : null;
            var alternative = edge.Source.InMesh
                ? ""
                : permissive is not null
                    ? $", or add a Mesh entry with allowEnablingPermissiveMutualTLS: true so that Consul accepts the permissive mode of {target.Name}"
                    : $", or, while {edge.Source.Name} cannot join it, set mutualTLSMode: permissive in the ServiceDefaults of {target.Name} with Mesh allowEnablingPermissiveMutualTLS: true (Consul 1.16+) so that its sidecar takes plaintext";
            yield return new RuleHit(Descriptor, edge.WrittenIn, edge.Location,
                [edge.Source.Name, target.Name, outside, edge.WrittenAt, consequence, edge.Source.Namespace, alternative],
                permissive is null ? [] : [new Evidence(permissive.SetIn.Ref, permissive.Location, "sets mutualTLSMode: permissive")],
                severity);
        }
    }
}
