using MeshOps.Consul;
using MeshOps.Model;
using MeshOps.Rules.Catalog;
using MeshOps.Rules.Intentions;
using MeshOps.Sources;

namespace MeshOps.Analysis.Rules;

/// <summary>
/// MESH207: one ServiceIntentions (one metadata.name in one namespace) written again with another destination.
/// The later apply is an UPDATE, and the consul-k8s webhook refuses to change spec.destination.name or
/// spec.destination.namespace ("immutable fields", control-plane/api/v1alpha1/serviceintentions_webhook.go).
/// <c>kubectl apply -f dir/</c> applies files in name order, which is the input order here: the later one is rejected.
/// </summary>
internal sealed class IntentionDestinationRewritten : IMeshRule
{
    public RuleDescriptor Descriptor => RuleCatalog.IntentionDestinationRewritten;

    public IEnumerable<RuleHit> Check(MeshModel model, RuleContext context)
    {
        var first = new Dictionary<ObjectKey, (WrittenDestination Written, ManifestResource Resource)>();
        foreach (var resource in model.WrittenIntentions)
        {
            if (resource.Model is not ServiceIntentions { Spec.Destination: { Name: { Length: > 0 } } destination })
            {
                continue;
            }

            var key = new ObjectKey(MeshModelBuilder.NamespaceOf(resource), resource.Name);
            // The webhook compares the stored and the new object's fields. An absent namespace is read as "default": the
            // webhook's defaulting fills it in where namespaces are enabled, and where they are not it may be neither.
            var written = new WrittenDestination(destination.Name, ConsulNames.NamespaceOrDefault(destination.Namespace));
            if (!first.TryGetValue(key, out var earlier))
            {
                first.Add(key, (written, resource));
                continue;
            }

            if (earlier.Written == written)
            {
                continue;
            }

            yield return new RuleHit(Descriptor, resource, resource.LocationOf("metadata", "name"),
                [resource.Name, key.Namespace, written, earlier.Written, earlier.Resource.LocationOf("metadata", "name")],
                [
                    new Evidence(earlier.Resource.Ref, earlier.Resource.LocationOf("metadata", "name"), $"the same object, with destination {earlier.Written}"),
                    new Evidence(resource.Ref, resource.LocationOf("spec", "destination", "name"), $"changes the destination to {written}"),
                ]);
        }
    }

    /// <summary>spec.destination; shown as the name, with the Consul namespace when it is not "default" (Enterprise).</summary>
    private sealed record WrittenDestination(string Name, string Namespace)
    {
        public override string ToString() => Namespace == ConsulNames.DefaultNamespace ? Name : $"{Name} (namespace {Namespace})";
    }
}
