namespace MeshOps.Sources.Files.Yaml;

/// <summary>
/// A document that parsed as YAML but cannot be used (too deep, too large once aliases are expanded,
/// a key that is not a string...). Thrown inside the loader only; it always becomes a <see cref="LoadError"/>.
/// </summary>
internal sealed class RejectedDocumentException(string errorId, int line, int column, string message)
    : Exception(message)
{
    public string ErrorId { get; } = errorId;

    public int Line { get; } = line;

    public int Column { get; } = column;
}
