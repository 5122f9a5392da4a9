using System.Reflection;
using System.Text.RegularExpressions;
using NetArchTest.Rules;

namespace MeshOps.Tests.Architecture;

/// <summary>
/// Checks that an assembly's namespaces depend on each other in one direction only: each layer may use the layers
/// before it in the list, never one after it. A cycle between two layers always shows as a backward use.
/// </summary>
internal static class LayerRules
{
    /// <summary>
    /// Every use of a later layer by an earlier one, as "Type → layer". A layer is a set of namespaces matched exactly
    /// (a namespace is in at most one layer), so <c>MeshOps.Analysis.Rules</c> may sit below <c>MeshOps.Analysis</c>.
    /// </summary>
    public static IReadOnlyList<string> BackwardDependencies(Assembly assembly, IReadOnlyList<Layer> layers)
    {
        var violations = new List<string>();
        var types = assembly.GetTypes();
        for (var i = 0; i < layers.Count; i++)
        {
            var later = layers.Skip(i + 1).ToList();
            foreach (var upper in later)
            {
                // NetArchTest matches dependencies by name prefix, so the later layer is named by its types' full
                // names: naming its namespace would also match a lower sub-namespace such as Analysis.Rules.
                var upperTypes = types.Where(t => upper.Contains(t.Namespace) && !t.IsNested).Select(t => t.FullName!).ToArray();
                if (upperTypes.Length == 0)
                {
                    continue;
                }

                var result = Types.InAssembly(assembly)
                    .That().ResideInNamespaceMatching(layers[i].Pattern)
                    .ShouldNot().HaveDependencyOnAny(upperTypes)
                    .GetResult();
                violations.AddRange((result.FailingTypeNames ?? []).Select(t => $"{t} ({layers[i].Name}) uses {upper.Name}"));
            }
        }

        return violations;
    }

    /// <summary>Layers that name no namespace of the assembly: a layer list gone stale after a rename checks nothing.</summary>
    public static IReadOnlyList<string> UnlistedNamespaces(Assembly assembly, IReadOnlyList<Layer> layers, Func<string, bool> ignore) =>
        assembly.GetTypes()
            .Select(t => t.Namespace)
            .OfType<string>()
            .Distinct()
            .Where(ns => !ignore(ns) && !layers.Any(l => l.Contains(ns)))
            .Order(StringComparer.Ordinal)
            .ToList();
}

/// <summary>One layer: a name and the exact namespaces it holds.</summary>
internal sealed record Layer(string Name, params string[] Namespaces)
{
    public string Pattern => "^(" + string.Join("|", Namespaces.Select(Regex.Escape)) + ")$";

    public bool Contains(string? ns) => ns is not null && Namespaces.Contains(ns);
}
