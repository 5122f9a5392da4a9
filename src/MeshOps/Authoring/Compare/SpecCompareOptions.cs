namespace MeshOps.Authoring.Compare;

/// <summary>
/// How <see cref="SpecComparer"/> reads the two trees. The default compares every field either side sets, as
/// Compare-MeshConfig shows a resource against the cluster's copy; the other settings read a server's answer that adds
/// fields of its own (a Consul config entry carries CreateIndex, Meta, a source's Precedence).
/// </summary>
public sealed record SpecCompareOptions
{
    public static readonly SpecCompareOptions Default = new();

    /// <summary>
    /// Only the fields the desired side names are compared (a field it sets to false or "" included); a field only the
    /// current side has is no difference. So is an item of a list keyed by name that only the current side has: server-side
    /// apply merges such a list with the items other field managers own, and Consul holds them all. A list without
    /// names is atomic in apply (the desired side replaces it whole), so its items are still compared by index.
    /// </summary>
    public bool DesiredFieldsOnly { get; init; }

    /// <summary>
    /// Turns a list item's qualifier (namespace, partition or peer, by that name in lower case) into the form both
    /// sides share before items are paired: Consul CE answers no namespace where a resource says "default".
    /// </summary>
    public Func<string, string, string>? ItemQualifier { get; init; }

    /// <summary>A field whose value is not compared, given its path's segments (keys, and indices into the desired side's lists); it still pairs items.</summary>
    public Func<IReadOnlyList<object>, bool>? SkipField { get; init; }
}
