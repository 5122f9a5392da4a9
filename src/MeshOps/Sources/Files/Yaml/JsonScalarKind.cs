namespace MeshOps.Sources.Files.Yaml;

/// <summary>The JSON value a YAML scalar becomes.</summary>
internal enum JsonScalarKind
{
    Null,
    Boolean,
    Integer,
    Number,
    String,
}
