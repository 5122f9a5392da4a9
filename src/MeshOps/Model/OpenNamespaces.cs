using MeshOps.Rules.Intentions;

namespace MeshOps.Model;

/// <summary>
/// The namespaces each side of a call may be in when no Helm values place the services, per destination name: those the
/// intentions for that destination or for "*" name, then "default", then a stand-in for every namespace no intention
/// names. An intention for another destination decides none of a call's pairs, so a namespace only it names answers as
/// the stand-in does. Before, every call judged (K + 2)^2 pairs for the K namespaces named anywhere: one intention
/// naming 40 team namespaces made each of 8,000 calls 1,764 intention checks. Built whole, so a model shared between
/// threads stays read-only.
/// </summary>
internal sealed class OpenNamespaces
{
    // Intentions compare namespaces only for equality or '*', so every namespace no intention names is decided alike:
    // this one, which no Kubernetes or Consul namespace can be called (a space is not a DNS label), stands for them all.
    private const string Unnamed = "a namespace no intention names";

    private readonly Dictionary<string, IReadOnlyList<string>> byDestination;

    // For a destination no intention names exactly: the namespaces of the intentions for "*".
    private readonly IReadOnlyList<string> otherwise;

    private OpenNamespaces(Dictionary<string, IReadOnlyList<string>> byDestination, IReadOnlyList<string> otherwise)
    {
        this.byDestination = byDestination;
        this.otherwise = otherwise;
    }

    /// <summary>Null when no intention names a namespace other than "default": every side is then in "default", as on CE.</summary>
    public static OpenNamespaces? Of(IReadOnlyList<IntentionEntry> entries)
    {
        var anyNamed = false;
        var named = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            foreach (var ns in entry.Sources.Select(s => s.Namespace).Prepend(entry.DestinationNamespace))
            {
                if (ns == ConsulNames.DefaultNamespace)
                {
                    continue;
                }

                // A "*" namespace alone still makes the sides open (it matches every one of them), but names none.
                anyNamed = true;
                if (ns != ConsulNames.Wildcard)
                {
                    (named.TryGetValue(entry.DestinationName, out var set) ? set : named[entry.DestinationName] = new(StringComparer.Ordinal)).Add(ns);
                }
            }
        }

        if (!anyNamed)
        {
            return null;
        }

        var wildcard = named.GetValueOrDefault(ConsulNames.Wildcard) ?? [];
        var byDestination = named
            .Where(pair => pair.Key != ConsulNames.Wildcard)
            .ToDictionary(pair => pair.Key, pair => Sides(pair.Value.Union(wildcard)), StringComparer.Ordinal);
        return new OpenNamespaces(byDestination, Sides(wildcard));
    }

    public IReadOnlyList<string> For(string destinationName) => byDestination.GetValueOrDefault(destinationName) ?? otherwise;

    private static IReadOnlyList<string> Sides(IEnumerable<string> named) =>
        [.. named.Order(StringComparer.Ordinal), ConsulNames.DefaultNamespace, Unnamed];
}
