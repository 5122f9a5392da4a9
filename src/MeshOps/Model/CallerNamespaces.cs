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
    private readonly ConsulNamespaces namespaces;

    // Null when the namespaces are known (Helm values, or no intention names one).
    private readonly OpenNamespaces? open;

    private CallerNamespaces(ConsulNamespaces namespaces, OpenNamespaces? open)
    {
        this.namespaces = namespaces;
        this.open = open;
    }

    public static CallerNamespaces Of(MeshModel model)
    {
        var namespaces = model.Settings.ConsulNamespaces;
        return new CallerNamespaces(namespaces, namespaces.Enabled is null ? OpenNamespaces.Of(model.Intentions.Entries) : null);
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

        var sides = open.For(destinationName);
        return sides.SelectMany(s => sides.Select(d => (new ServiceIdentity(s, sourceName), new ServiceIdentity(d, destinationName))));
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
