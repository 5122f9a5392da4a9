using System.Collections;
using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace MeshOps.Generators.Tests;

/// <summary>
/// Walks what a generator's tracked steps produced and lists every value a pipeline model must not hold: a Roslyn
/// object (it keeps a compilation alive and never compares equal across runs) or a collection that compares by
/// reference (a plain array, an <see cref="ImmutableArray{T}"/>, a list), so the driver could never cache the step.
/// Models hold collections as <see cref="EquatableArray{T}"/>. One walker and one ban list for both generators.
/// </summary>
internal sealed class ModelWalker
{
    private static readonly Type[] Banned =
    [
        typeof(ISymbol), typeof(SyntaxNode), typeof(SyntaxToken), typeof(SyntaxTrivia), typeof(SyntaxTree), typeof(SyntaxReference),
        typeof(Compilation), typeof(SemanticModel), typeof(Location), typeof(AttributeData), typeof(TypedConstant),
    ];

    private readonly HashSet<object> visited = new(ReferenceEqualityComparer.Instance);
    private readonly List<string> problems = [];

    private ModelWalker()
    {
    }

    /// <summary>Every problem found, each with the path from the step to the value.</summary>
    public IReadOnlyList<string> Problems => problems.Distinct(StringComparer.Ordinal).ToList();

    /// <summary>How many objects the walk reached: a test asserts it is large enough to prove the walk reaches the models.</summary>
    public int Walked { get; private set; }

    public string Describe() => string.Join(Environment.NewLine, Problems);

    /// <summary>Walks every output of the steps named <paramref name="steps"/>; a step that did not run is a problem.</summary>
    public static ModelWalker Walk(GeneratorRunResult result, IEnumerable<string> steps)
    {
        var walker = new ModelWalker();
        foreach (var step in steps)
        {
            if (!result.TrackedSteps.TryGetValue(step, out var runs))
            {
                walker.problems.Add($"{step}: the step did not run");
                continue;
            }

            foreach (var (value, _) in runs.SelectMany(r => r.Outputs))
                walker.WalkOutput(value, step);
        }

        return walker;
    }

    /// <summary>Walks one value as if a step had produced it.</summary>
    public static ModelWalker WalkValue(object value, string path)
    {
        var walker = new ModelWalker();
        walker.WalkOutput(value, path);
        return walker;
    }

    /// <summary>A step's own output may be the ImmutableArray of a <c>Collect()</c>: the driver compares that by element.</summary>
    private void WalkOutput(object value, string step)
    {
        if (value.GetType().IsGenericType && value.GetType().GetGenericTypeDefinition() == typeof(ImmutableArray<>))
        {
            Walked++;
            WalkItems((IEnumerable)value, step, 1);
            return;
        }

        Walk(value, step, 0);
    }

    private void Walk(object? value, string path, int depth)
    {
        if (value is null or string or decimal || value.GetType().IsPrimitive || value.GetType().IsEnum)
            return;
        var type = value.GetType();
        if (!type.IsValueType && !visited.Add(value))
            return;
        Walked++;
        if (depth > 30)
        {
            problems.Add($"{path}: nests too deep");
            return;
        }

        if (Banned.FirstOrDefault(b => b.IsInstanceOfType(value)) is { } banned)
        {
            problems.Add($"{path}: holds a {banned.Name} ({type.Name})");
            return;
        }

        if (value is IEnumerable items)
        {
            if (!IsEquatableArray(type))
                problems.Add($"{path}: holds a {Name(type)}, which compares by reference (use EquatableArray)");
            WalkItems(items, path, depth + 1);
            return;
        }

        // Our own records and the tuples Combine makes; framework types are leaves.
        if (type.Namespace?.StartsWith("MeshOps", StringComparison.Ordinal) != true && !IsTuple(type))
            return;
        for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
        {
            foreach (var field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                Walk(field.GetValue(value), $"{path}.{field.Name}", depth + 1);
        }
    }

    private void WalkItems(IEnumerable items, string path, int depth)
    {
        var i = 0;
        foreach (var item in items)
            Walk(item, $"{path}[{i++}]", depth);
    }

    private static bool IsEquatableArray(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(EquatableArray<>);

    private static bool IsTuple(Type type) =>
        type.IsGenericType && (type.FullName?.StartsWith("System.ValueTuple`", StringComparison.Ordinal) == true
            || type.FullName?.StartsWith("System.Tuple`", StringComparison.Ordinal) == true
            || type.GetGenericTypeDefinition() == typeof(KeyValuePair<,>));

    private static string Name(Type type) => type.IsArray ? "plain array " + type.Name : type.Name;
}
