using MeshOps.Consul;
using MeshOps.Model;
using MeshOps.Rules.Catalog;

namespace MeshOps.Analysis.Rules;

/// <summary>
/// MESH208: a ServiceIntentions that names a Consul namespace where the Helm values leave namespaces off. The consul-k8s
/// webhook refuses any non-empty namespace then (control-plane/api/v1alpha1/serviceintentions_types.go
/// validateNamespaces), so the resource never reaches Consul. Without Helm values nothing says namespaces are off.
/// </summary>
internal sealed class ConsulNamespaceWithoutEnterprise : IMeshRule
{
    public RuleDescriptor Descriptor => RuleCatalog.ConsulNamespaceWithoutEnterprise;

    public IEnumerable<RuleHit> Check(MeshModel model, RuleContext context)
    {
        var namespaces = context.Settings.ConsulNamespaces;
        if (namespaces.Enabled is not false)
        {
            yield break;
        }

        foreach (var resource in model.IntentionResources)
        {
            if (resource.Model is not ServiceIntentions { Spec: { } spec })
            {
                continue;
            }

            var written = new List<(object[] Path, string Field, string Value, string Message)>();
            if (spec.Destination?.Namespace is { Length: > 0 } destination)
            {
                written.Add((["spec", "destination", "namespace"], "spec.destination.namespace", destination, "destination.namespace"));
            }

            var sources = spec.Sources ?? [];
            for (var i = 0; i < sources.Count; i++)
            {
                if (sources[i].Namespace is { Length: > 0 } source)
                {
                    written.Add((["spec", "sources", i, "namespace"], $"spec.sources[{i}].namespace", source, "source.namespace"));
                }
            }

            if (written.Count == 0)
            {
                continue;
            }

            var fields = string.Join(", ", written.Select(w => $"{w.Field}: {w.Value}"));
            var refused = string.Join("; ", written.Select(w => w.Message).Distinct().Select(m => $"'Consul Enterprise namespaces must be enabled to set {m}'"));
            yield return new RuleHit(Descriptor, resource, resource.LocationOf(written[0].Path),
                [resource.Name, MeshModelBuilder.NamespaceOf(resource), fields, refused, namespaces.Origin, resource.Location.File],
                written.Select(w => new Evidence(resource.Ref, resource.LocationOf(w.Path), $"{w.Field}: {w.Value}")).ToList());
        }
    }
}
