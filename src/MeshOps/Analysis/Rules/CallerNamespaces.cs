using MeshOps.Model;
using MeshOps.Rules.Intentions;

namespace MeshOps.Analysis.Rules;

/// <summary>
/// The Consul namespaces a call's two sides may be in. With the Helm values among the inputs there is one answer
/// (<see cref="ConsulNamespaces.Of"/>). Without them, intentions that name no namespace are read as on CE (everything
/// in "default"); intentions that name namespaces leave each side's namespace open, and a verdict must then hold for
/// every namespace the two sides could be in.
/// </summary>
internal sealed class CallerNamespaces
{
    // Intentions compare namespaces only for equality or '*', so every namespace no intention names is decided alike:
    // this one, which no Kubernetes or Consul namespace can be called (a space is not a DNS label), stands for them all.
    private const string Unnamed = "a namespace no intention names";

    private readonly ConsulNamespaces namespaces;
    private readonly IReadOnlyList<string>? open;

    private CallerNamespaces(ConsulNamespaces namespaces, IReadOnlyList<string>? open)
    {
        this.namespaces = namespaces;
        this.open = open;
    }

    public static CallerNamespaces Of(MeshModel model)
    {
        var namespaces = model.Settings.ConsulNamespaces;
        if (namespaces.Enabled is not null)
        {
            return new CallerNamespaces(namespaces, null);
        }

        var named = model.Intentions.Entries
            .SelectMany(e => e.Sources.Select(s => s.Namespace).Prepend(e.DestinationNamespace))
            .Where(ns => ns != ConsulNames.DefaultNamespace)
            .ToHashSet(StringComparer.Ordinal);
        if (named.Count == 0)
        {
            return new CallerNamespaces(namespaces, null);
        }

        named.Remove(ConsulNames.Wildcard);
        return new CallerNamespaces(namespaces, [.. named.Order(StringComparer.Ordinal), ConsulNames.DefaultNamespace, Unnamed]);
    }

    /// <summary>
    /// The namespace pair to evaluate and show first, and then every other pair the verdict must hold for (none when
    /// the namespaces are known).
    /// </summary>
    public (ServiceIdentity Source, ServiceIdentity Destination) Likely(Workload source, string sourceName, KubernetesService target, string destinationName) =>
        open is null
            ? (new(namespaces.Of(source.Namespace) ?? ConsulNames.DefaultNamespace, sourceName), new(namespaces.Of(target.Namespace) ?? ConsulNames.DefaultNamespace, destinationName))
            // Namespaces named in intentions are most likely mirrored from Kubernetes (the chart's default once enabled).
            : (new(source.Namespace, sourceName), new(target.Namespace, destinationName));

    public IEnumerable<(ServiceIdentity Source, ServiceIdentity Destination)> Others(string sourceName, string destinationName) =>
        open is null
            ? []
            : open.SelectMany(s => open.Select(d => (new ServiceIdentity(s, sourceName), new ServiceIdentity(d, destinationName))));
}
