namespace MeshOps.Envoy.Config;

/// <summary>A header condition of a route or an L7 permission: <c>Kind</c> is exact, prefix, suffix, regex, present or contains.</summary>
public sealed record EnvoyHeaderMatch(string Name, string Kind, string? Value, bool Invert)
{
    public override string ToString() =>
        (Invert ? "not " : "") + (Kind == "present" ? $"header {Name} present" : $"header {Name} {Kind} {Value}");
}
