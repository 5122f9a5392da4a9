using MeshOps.Consul;
using MeshOps.Rules.Intentions;
using MeshOps.Sources;

namespace MeshOps.Model;

/// <summary>
/// What the cluster keeps when an object written several times is applied copy by copy. Usually the last copy
/// (<see cref="DuplicateObjects"/>), except where an admission webhook refuses the update: consul-k8s refuses a
/// ServiceIntentions update that changes spec.destination ("immutable fields", serviceintentions_webhook.go), so the
/// copy stored before it stays, and it is the one whose intentions apply.
/// </summary>
internal static class RejectedUpdates
{
    public static IReadOnlyList<ManifestResource> Apply(IReadOnlyList<ManifestResource> resources, IReadOnlyList<ManifestResource> superseded)
    {
        var stored = new Dictionary<ObjectKey, ManifestResource>();
        foreach (var copy in superseded.Where(r => r.Kind == "ServiceIntentions"))
        {
            Store(stored, copy);
        }

        if (stored.Count == 0)
        {
            return resources;
        }

        return resources.Select(r => r.Kind == "ServiceIntentions" && stored.TryGetValue(Key(r), out var first) && !SameDestination(first, r) ? first : r).ToList();
    }

    private static void Store(Dictionary<ObjectKey, ManifestResource> stored, ManifestResource copy)
    {
        var key = Key(copy);
        if (!stored.TryGetValue(key, out var current) || SameDestination(current, copy))
        {
            stored[key] = copy;
        }
    }

    private static ObjectKey Key(ManifestResource resource) => new(MeshModelBuilder.NamespaceOf(resource), resource.Name);

    private static bool SameDestination(ManifestResource a, ManifestResource b) => Destination(a) == Destination(b);

    private static (string?, string) Destination(ManifestResource resource) =>
        resource.Model is ServiceIntentions { Spec.Destination: { } destination }
            ? (destination.Name, ConsulNames.NamespaceOrDefault(destination.Namespace))
            : (null, ConsulNames.DefaultNamespace);
}
