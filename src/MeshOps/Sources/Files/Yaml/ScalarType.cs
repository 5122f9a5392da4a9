namespace MeshOps.Sources.Files.Yaml;

/// <summary>What a scalar means once YAML's implicit typing is applied.</summary>
internal enum ScalarType
{
    String,
    Null,
    Bool,
    Integer,
    Float,
}
