using System.Collections.Generic;

namespace MeshOps.Generators.Crds
{
    /// <summary>
    /// The subset of an OpenAPI v3 schema node that shapes generated code. Parse-time only: the pipeline keeps the
    /// <see cref="Models.KindModel"/> built from it, never this.
    /// </summary>
    internal sealed class SchemaNode
    {
        public SchemaNode(int line) => Line = line;

        public int Line { get; }

        public string? Type { get; set; }

        public string? Format { get; set; }

        public string? Description { get; set; }

        public List<KeyValuePair<string, SchemaNode>> Properties { get; } = new();

        public HashSet<string> Required { get; } = new();

        public SchemaNode? Items { get; set; }

        public SchemaNode? AdditionalProperties { get; set; }

        public List<string> Enum { get; } = new();

        public bool IntOrString { get; set; }

        public bool PreserveUnknownFields { get; set; }

        /// <summary><c>x-meshops-type</c>: an existing enum (full name) this string maps to, e.g. <c>MeshOps.Consul.MeshProtocol</c>.</summary>
        public string? ExternalType { get; set; }

        /// <summary><c>x-meshops-shortcuts</c>: enum members that get a builder method of their own (<c>Allow()</c>).</summary>
        public List<string> Shortcuts { get; } = new();

        /// <summary><c>x-meshops-name</c>: the generated type's name, replacing the derived one.</summary>
        public string? TypeName { get; set; }
    }
}
