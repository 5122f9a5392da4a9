using MeshOps.Rules.Intentions;

namespace MeshOps.Model;

/// <summary>
/// The Consul namespaces a call's two sides may be in, one placement for MESH201, the path's Intention hop and
/// Test-MeshIntention. With the Helm values among the inputs there is one answer (<see cref="ConsulNamespaces.Of"/>).
/// Without them, intentions that name no namespace are read as on CE (everything in "default"); intentions that name
/// namespaces leave each side's namespace open, and a verdict must then hold for every namespace the two sides could be in.
/// </summary>
internal sealed class CallerNamespaces
{
    // Intentions compare namespaces only for equality or '*', so every namespace no intention names is decided alike:
    // this one, which no Kubernetes or Consul namespace can be called (a space is not a DNS label), stands for them all.
    private const string Unnamed = "a namespace no intention names";

    private readonly ConsulNamespaces namespaces;
    private readonly IReadOnlyList<string>? open;

    // The namespaces named by the intentions for each destination name ("*" included): an intention for another
    // destination decides none of a call's pairs, so a namespace only it names is decided like Unnamed for that call.
    // Without this every call judged (K + 2)^2 pairs for K namespaces named anywhere: one intention naming 40 team
    // namespaces made each of 8,000 calls 1,764 intention checks.
    private readonly Dictionary<string, HashSet<string>>? namedFor;
    private readonly Dictionary<string, IReadOnlyList<string>> openFor = new(StringComparer.Ordinal);

    private CallerNamespaces(ConsulNamespaces namespaces, IReadOnlyList<string>? open, Dictionary<string, HashSet<string>>? namedFor = null)
    {
        this.namespaces = namespaces;
        this.open = open;
        this.namedFor = namedFor;
    }

    public static CallerNamespaces Of(MeshModel model)
    {
        var namespaces = model.Settings.ConsulNamespaces;
        if (namespaces.Enabled is not null)
        {
            return new CallerNamespaces(namespaces, null);
        }

        var named = new HashSet<string>(StringComparer.Ordinal);
        var namedFor = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var entry in model.Intentions.Entries)
        {
            foreach (var ns in entry.Sources.Select(s => s.Namespace).Prepend(entry.DestinationNamespace))
            {
                if (ns == ConsulNames.DefaultNamespace)
                {
                    continue;
                }

                named.Add(ns);
                if (ns != ConsulNames.Wildcard)
                {
                    (namedFor.TryGetValue(entry.DestinationName, out var set) ? set : namedFor[entry.DestinationName] = new(StringComparer.Ordinal)).Add(ns);
                }
            }
        }

        if (named.Count == 0)
        {
            return new CallerNamespaces(namespaces, null);
        }

        named.Remove(ConsulNames.Wildcard);
        return new CallerNamespaces(namespaces, [.. named.Order(StringComparer.Ordinal), ConsulNames.DefaultNamespace, Unnamed], namedFor);
    }

    /// <summary>Consul Enterprise namespaces are on, as the Helm values or the injector's flags say: Consul is asked with <c>ns/name</c>.</summary>
    public bool Enterprise => namespaces.Enabled == true;

    /// <summary>Whether a message should name the namespaces: they are not all "default", or may not be.</summary>
    public bool Named => Enterprise || open is not null;

    /// <summary>True when no Helm values were read and intentions name namespaces: a verdict must hold for every pair.</summary>
    public bool Open => open is not null;

    /// <summary>
    /// The namespace pair to evaluate and show first, from each side's Kubernetes namespace, and then every other pair
    /// the verdict must hold for (none when the namespaces are known).
    /// </summary>
    public (ServiceIdentity Source, ServiceIdentity Destination) Likely(string sourceNamespace, string sourceName, string destinationNamespace, string destinationName) =>
        open is null
            ? (new(namespaces.Of(sourceNamespace) ?? ConsulNames.DefaultNamespace, sourceName), new(namespaces.Of(destinationNamespace) ?? ConsulNames.DefaultNamespace, destinationName))
            // Namespaces named in intentions are most likely mirrored from Kubernetes (the chart's default once enabled).
            : (new(sourceNamespace, sourceName), new(destinationNamespace, destinationName));

    public IEnumerable<(ServiceIdentity Source, ServiceIdentity Destination)> Others(string sourceName, string destinationName)
    {
        if (open is null)
        {
            return [];
        }

        var sides = OpenFor(destinationName);
        return sides.SelectMany(s => sides.Select(d => (new ServiceIdentity(s, sourceName), new ServiceIdentity(d, destinationName))));
    }

    // The namespaces that can decide a call to this destination, in the full list's order (named ones sorted, then
    // "default", then Unnamed). One that only other destinations' intentions name answers as Unnamed does, which stays.
    private IReadOnlyList<string> OpenFor(string destinationName)
    {
        if (openFor.TryGetValue(destinationName, out var known))
        {
            return known;
        }

        var exact = namedFor!.GetValueOrDefault(destinationName);
        var wildcard = namedFor!.GetValueOrDefault(ConsulNames.Wildcard);
        IReadOnlyList<string> sides = [.. open!.Where(ns => ns is ConsulNames.DefaultNamespace or Unnamed || (exact?.Contains(ns) ?? false) || (wildcard?.Contains(ns) ?? false))];
        openFor[destinationName] = sides;
        return sides;
    }

    /// <summary>
    /// <paramref name="judge"/>'s answer for the likely pair, and the first other pair whose <paramref name="outcome"/>
    /// differs, so a caller can say the Helm values decide rather than guess.
    /// </summary>
    public Placed<T> Judge<T, TOutcome>(
        string sourceNamespace, string sourceName, string destinationNamespace, string destinationName,
        Func<ServiceIdentity, ServiceIdentity, T> judge, Func<T, TOutcome> outcome)
    {
        ArgumentNullException.ThrowIfNull(judge);
        ArgumentNullException.ThrowIfNull(outcome);
        var (source, destination) = Likely(sourceNamespace, sourceName, destinationNamespace, destinationName);
        var value = judge(source, destination);
        var expected = outcome(value);
        foreach (var (otherSource, otherDestination) in Others(sourceName, destinationName))
        {
            var other = judge(otherSource, otherDestination);
            if (!EqualityComparer<TOutcome>.Default.Equals(expected, outcome(other)))
            {
                return new Placed<T>(source, destination, value) { Disagreeing = new Placed<T>(otherSource, otherDestination, other) };
            }
        }

        return new Placed<T>(source, destination, value);
    }

    /// <summary>"web (Consul ns shop) -> api (ns backend)" when namespaces matter, else "web -> api" as on CE.</summary>
    public string Describe(ServiceIdentity source, ServiceIdentity destination) =>
        Named
            ? $"{source.Name} (Consul ns {source.Namespace}) -> {destination.Name} (ns {destination.Namespace})"
            : $"{source.Name} -> {destination.Name}";

    /// <summary>Why a verdict that differs between namespace pairs is no answer, and what would give one.</summary>
    public string Undecided<T>(Placed<T> placed, Func<T, string> word)
    {
        ArgumentNullException.ThrowIfNull(placed);
        ArgumentNullException.ThrowIfNull(word);
        var other = placed.Disagreeing ?? throw new ArgumentException("Only a pair whose namespaces disagree is undecided.", nameof(placed));
        return $"The Consul namespaces decide, and no consul-k8s Helm values were read to place the services: "
            + $"{Describe(placed.Source, placed.Destination)} is {word(placed.Value)}, {Describe(other.Source, other.Destination)} is {word(other.Value)}. "
            + "global.enableConsulNamespaces and connectInject.consulNamespaces (mirroringK8S, mirroringK8SPrefix, consulDestinationNamespace) "
            + "decide where each service registers: give the values file with -Path (or check the cluster, whose injector flags say it).";
    }

    /// <summary>The line that says a verdict held for every namespace pair the inputs leave open.</summary>
    public string? Everywhere(string sourceName, string destinationName) =>
        open is null
            ? null
            : $"no consul-k8s Helm values were read, so the Consul namespaces of {sourceName} and {destinationName} are unknown: the answer is the same in every namespace they could be in";

    /// <summary>The name Consul's HTTP API and CLI take: <c>ns/name</c> with Enterprise namespaces on, else the name alone.</summary>
    public string ForConsul(ServiceIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        return Enterprise ? $"{identity.Namespace}/{identity.Name}" : identity.Name;
    }
}

/// <summary>A verdict for one namespace pair; <see cref="Disagreeing"/> is another pair the inputs allow that differs.</summary>
internal sealed record Placed<T>(ServiceIdentity Source, ServiceIdentity Destination, T Value)
{
    public Placed<T>? Disagreeing { get; init; }

    public bool Settled => Disagreeing is null;
}
