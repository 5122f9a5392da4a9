namespace MeshOps.Sources.Files.Yaml;

/// <summary>
/// One document of a YAML stream: its root node, or why it could not be read. <paramref name="HasAliases"/> says
/// whether the tree shares nodes, which anything that walks it without expanding aliases must then detect.
/// <paramref name="Warnings"/> holds what was read as kubectl reads it but deserves a word (a repeated key).
/// </summary>
internal sealed record ParsedDocument(ParsedNode? Root, RejectedDocumentException? Problem, bool HasAliases = false, IReadOnlyList<DocumentWarning>? Warnings = null);
