namespace MeshOps.Sources;

/// <summary>
/// Where a resource came from: a place in a file, or an object a server (or a program) handed over. Findings point at
/// <see cref="ManifestResource.Location"/>; the origin says what to open or fetch to see the object as it was read.
/// </summary>
public abstract record ResourceOrigin;

/// <summary>A document in a file (or in text piped in, named <c>&lt;stdin&gt;</c>), where the object starts.</summary>
public sealed record FileOrigin(string File, int Line, int Column) : ResourceOrigin
{
    public FileOrigin(SourceLocation location)
        : this(location.File, location.Line, location.Column)
    {
    }

    public override string ToString() => new SourceLocation(File, Line, Column).ToString();
}

/// <summary>
/// An object read as an object: listed from a cluster (<paramref name="Source"/> names the context, and
/// <paramref name="ResourceVersion"/> the version read) or built in memory (a typed mesh; no version).
/// </summary>
public sealed record ObjectOrigin(string Source, string Kind, string? Namespace, string Name, string? ResourceVersion = null) : ResourceOrigin
{
    public override string ToString() =>
        $"{Source}: {new ResourceRef(Kind, Namespace, Name)}" + (ResourceVersion is null ? string.Empty : $" (resourceVersion {ResourceVersion})");
}
