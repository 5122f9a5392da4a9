using System;

namespace MeshOps.Generators.Crds.Yaml
{
    /// <summary>The text is not YAML this reader understands; <see cref="Line"/> is 1-based.</summary>
    internal sealed class YamlException : Exception
    {
        public YamlException(int line, string message)
            : base(message) => Line = line;

        public int Line { get; }
    }
}
