using System.Globalization;
using MeshOps.Secrets;

namespace MeshOps.Sources;

/// <summary>Where something was read from: 1-based line and column, as editors and compilers count.</summary>
/// <remarks>
/// Span-formattable so that the many evidence lines that start with a location (<c>$"{location}: …"</c>) write it
/// straight into their own text instead of making a string of it first.
/// </remarks>
public sealed record SourceLocation(string File, int Line, int Column) : ISpanFormattable
{
    public static readonly SourceLocation Unknown = new("<unknown>", 0, 0);

    /// <summary>The location as the SDK returns it: a file name can hold control characters too.</summary>
    public SourceLocation ForOutput()
    {
        var file = OutputText.Clean(File);
        return ReferenceEquals(file, File) ? this : this with { File = file };
    }

    public override string ToString() => Line > 0 ? string.Create(CultureInfo.InvariantCulture, $"{File}:{Line}:{Column}") : File;

    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        Line > 0
            ? destination.TryWrite(CultureInfo.InvariantCulture, $"{File}:{Line}:{Column}", out charsWritten)
            : TryCopy(File, destination, out charsWritten);

    private static bool TryCopy(string text, Span<char> destination, out int charsWritten)
    {
        charsWritten = text.TryCopyTo(destination) ? text.Length : 0;
        return charsWritten == text.Length;
    }
}
