using MeshOps.Consul;
using MeshOps.Sources;
using MeshOps.Rules.Intentions;
using IntentionAction = MeshOps.Rules.Intentions.IntentionAction;

namespace MeshOps.Model;

/// <summary>Turns ServiceIntentions resources into the entries Consul would evaluate.</summary>
internal static class IntentionSetReader
{
    public static IReadOnlyList<IntentionEntry> Read(IEnumerable<ManifestResource> resources) =>
        resources.Select(ToEntry).OfType<IntentionEntry>().ToList();

    private static IntentionEntry? ToEntry(ManifestResource resource)
    {
        if (resource.Model is not ServiceIntentions { Spec: { } spec } || spec.Destination?.Name is not { Length: > 0 } destination)
        {
            return null;
        }

        // consul-k8s writes every entry to Consul namespace "default" unless namespaces are enabled (Enterprise).
        var destinationNamespace = ConsulNames.NamespaceOrDefault(spec.Destination.Namespace);
        var sources = (spec.Sources ?? []).Select(source => new IntentionSource(
            source.Name ?? "",
            ConsulNames.NamespaceOrDefault(source.Namespace),
            source.Partition,
            source.Peer,
            source.SamenessGroup,
            ParseAction(source.Action),
            (source.Permissions ?? []).Select(ToPermission).ToList(),
            source.Description)).ToList();
        return new IntentionEntry(destination, destinationNamespace, sources, new IntentionOrigin(resource));
    }

    private static IntentionPermission ToPermission(ServiceIntentionsPermission permission) => new(
        ParseAction(permission.Action) ?? IntentionAction.Deny,
        permission.Http is { } http
            ? new HttpPermission(http.PathExact, http.PathPrefix, http.PathRegex, http.Methods?.Select(ConsulEnum<ServiceIntentionsHttpMethod>.Format).ToList() ?? [],
                (http.Header ?? []).Select(h => new HttpHeaderPermission(h.Name ?? "", h.Present ?? false, h.Exact, h.Prefix, h.Suffix, h.Contains, h.Regex, h.Invert ?? false, h.IgnoreCase ?? false)).ToList())
            : null);

    /// <summary>The SDK's action as the evaluator's (netstandard2.0, shared with the compiler); an action Consul would refuse is null.</summary>
    private static IntentionAction? ParseAction(Consul.IntentionAction? action) => action switch
    {
        Consul.IntentionAction.Allow => IntentionAction.Allow,
        Consul.IntentionAction.Deny => IntentionAction.Deny,
        _ => null,
    };
}
