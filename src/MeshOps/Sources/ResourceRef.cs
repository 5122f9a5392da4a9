namespace MeshOps.Sources;

/// <summary>kind/namespace/name, the way kubectl names an object.</summary>
public sealed record ResourceRef(string Kind, string? Namespace, string Name)
{
    public override string ToString() =>
        string.IsNullOrEmpty(Namespace) ? $"{Kind}/{Name}" : $"{Kind}/{Namespace}/{Name}";
}
