namespace MeshOps.Sources.Files;

/// <summary>
/// Marks the partial class that MeshOps.Generators' ModelReaderGenerator completes with readers from a parsed YAML tree
/// into these types and every class they reach.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
internal sealed class ModelReaderRootsAttribute(params Type[] roots) : Attribute
{
    public IReadOnlyList<Type> Roots { get; } = roots;
}
