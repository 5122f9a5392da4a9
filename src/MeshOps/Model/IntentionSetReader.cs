using MeshOps.Consul;
using MeshOps.Sources;
using MeshOps.Rules.Intentions;
using IntentionAction = MeshOps.Rules.Intentions.IntentionAction;

namespace MeshOps.Model;

/// <summary>Turns ServiceIntentions resources into the entries Consul would evaluate.</summary>
internal static class IntentionSetReader
{
    public static IReadOnlyList<IntentionEntry> Read(IEnumerable<ManifestResource> resources, ConsulNamespaces namespaces) =>
        resources.Select(r => ToEntry(r, namespaces)).OfType<IntentionEntry>().ToList();

    private static IntentionEntry? ToEntry(ManifestResource resource, ConsulNamespaces namespaces)
    {
        if (resource.Model is not ServiceIntentions { Spec: { } spec } || spec.Destination?.Name is not { Length: > 0 } destination)
        {
            return null;
        }

        // The consul-k8s webhook fills an unwritten destination namespace with the resource's own Consul namespace when
        // namespaces are enabled (ServiceIntentions.DefaultNamespaceFields); otherwise, and when the Helm values are
        // not among the inputs, the entry is in "default".
        var destinationNamespace = string.IsNullOrEmpty(spec.Destination.Namespace)
            ? namespaces.Enabled == true ? namespaces.Of(MeshModelBuilder.NamespaceOf(resource))! : ConsulNames.DefaultNamespace
            : spec.Destination.Namespace;
        var sources = (spec.Sources ?? []).Select(source => new IntentionSource(
            source.Name ?? "",
            SourceNamespace(source, destinationNamespace),
            source.Partition,
            source.Peer,
            source.SamenessGroup,
            ParseAction(source.Action),
            (source.Permissions ?? []).Select(ToPermission).ToList(),
            source.Description)).ToList();
        return new IntentionEntry(destination, destinationNamespace, sources, new IntentionOrigin(resource));
    }

    /// <summary>
    /// Consul's normalize(): a local source that names no namespace inherits the destination's (MergeNoWildcard, so
    /// not a wildcard one); a peered or sameness-group source gets "default".
    /// </summary>
    private static string SourceNamespace(ServiceIntentionsSource source, string destinationNamespace) =>
        !string.IsNullOrEmpty(source.Namespace) ? source.Namespace
        : string.IsNullOrEmpty(source.Peer) && string.IsNullOrEmpty(source.SamenessGroup) && destinationNamespace != ConsulNames.Wildcard ? destinationNamespace
        : ConsulNames.DefaultNamespace;

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
