namespace MeshOps.Sources.Files.Yaml;

internal static class YamlLimits
{
    /// <summary>Far beyond any real manifest (a Deployment is about 10 levels) and far below what overflows the stack.</summary>
    public const int MaxDepth = 256;
}
