using MeshOps.Secrets;

namespace MeshOps.Sources;

/// <summary>Where something was read from: 1-based line and column, as editors and compilers count.</summary>
public sealed record SourceLocation(string File, int Line, int Column)
{
    public static readonly SourceLocation Unknown = new("<unknown>", 0, 0);

    /// <summary>The location as the SDK returns it: a file name can hold control characters too.</summary>
    public SourceLocation ForOutput()
    {
        var file = OutputText.Clean(File);
        return ReferenceEquals(file, File) ? this : this with { File = file };
    }

    public override string ToString() => Line > 0 ? $"{File}:{Line}:{Column}" : File;
}
