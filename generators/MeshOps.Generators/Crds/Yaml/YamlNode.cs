using System.Collections.Generic;

namespace MeshOps.Generators.Crds.Yaml
{
    /// <summary>A node of a parsed YAML document; <see cref="Line"/> is 1-based. Parse-time only, never a pipeline model.</summary>
    internal abstract class YamlNode
    {
        protected YamlNode(int line) => Line = line;

        public int Line { get; }
    }

    internal sealed class YamlScalar : YamlNode
    {
        public YamlScalar(int line, string value, bool quoted)
            : base(line)
        {
            Value = value;
            Quoted = quoted;
        }

        public string Value { get; }

        /// <summary>Quoted or block scalars are always strings; plain ones may be null, booleans or numbers.</summary>
        public bool Quoted { get; }

        public bool IsNull => !Quoted && (Value.Length == 0 || Value == "~" || Value == "null" || Value == "Null" || Value == "NULL");
    }

    internal sealed class YamlMapping : YamlNode
    {
        public YamlMapping(int line, List<KeyValuePair<YamlScalar, YamlNode>> entries)
            : base(line) => Entries = entries;

        /// <summary>Entries in document order (the order generated code follows).</summary>
        public List<KeyValuePair<YamlScalar, YamlNode>> Entries { get; }

        public YamlNode? Get(string key)
        {
            foreach (var entry in Entries)
            {
                if (entry.Key.Value == key)
                    return entry.Value;
            }

            return null;
        }
    }

    internal sealed class YamlSequence : YamlNode
    {
        public YamlSequence(int line, List<YamlNode> items)
            : base(line) => Items = items;

        public List<YamlNode> Items { get; }
    }
}
