using MeshOps.Secrets;

namespace MeshOps.Sources;

/// <summary>kind/namespace/name, the way kubectl names an object.</summary>
public sealed record ResourceRef(string Kind, string? Namespace, string Name)
{
    /// <summary>
    /// The reference as the SDK returns it (<see cref="OutputText.Clean"/>): a name can hold ESC[2J from a manifest.
    /// The model keeps names as written; only what leaves the SDK is cleaned.
    /// </summary>
    public ResourceRef ForOutput()
    {
        var (kind, ns, name) = (OutputText.Clean(Kind), OutputText.CleanOrNull(Namespace), OutputText.Clean(Name));
        return ReferenceEquals(kind, Kind) && ReferenceEquals(ns, Namespace) && ReferenceEquals(name, Name)
            ? this
            : new ResourceRef(kind, ns, name);
    }

    public override string ToString() =>
        string.IsNullOrEmpty(Namespace) ? $"{Kind}/{Name}" : $"{Kind}/{Namespace}/{Name}";
}
