namespace MeshOps.Loading.Yaml;

/// <summary>One document of a YAML stream: its root node, or why it could not be read.</summary>
internal sealed record ParsedDocument(ParsedNode? Root, RejectedDocumentException? Problem);
