using MeshOps.Consul.Crds;
using MeshOps.Sources;
using MeshOps.Sources.Files;
using MeshOps.Rules.Intentions;
using CrdPermission = MeshOps.Consul.Crds.IntentionPermission;
using IntentionPermission = MeshOps.Rules.Intentions.IntentionPermission;

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

    private static IntentionPermission ToPermission(CrdPermission permission) => new(
        ParseAction(permission.Action) ?? IntentionAction.Deny,
        permission.Http is { } http
            ? new HttpPermission(http.PathExact, http.PathPrefix, http.PathRegex, http.Methods?.ToList() ?? [],
                (http.Header ?? []).Select(h => new HttpHeaderPermission(h.Name ?? "", h.Present ?? false, h.Exact, h.Prefix, h.Suffix, h.Contains, h.Regex, h.Invert ?? false, h.IgnoreCase ?? false)).ToList())
            : null);

    private static IntentionAction? ParseAction(string? action) => action?.Trim().ToLowerInvariant() switch
    {
        "allow" => IntentionAction.Allow,
        "deny" => IntentionAction.Deny,
        _ => null,
    };
}
