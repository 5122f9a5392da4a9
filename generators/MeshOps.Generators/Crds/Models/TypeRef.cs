namespace MeshOps.Generators.Crds.Models
{
    internal enum TypeKind
    {
        String,
        Int32,
        Int64,
        Double,
        Boolean,

        /// <summary><c>x-kubernetes-int-or-string</c>: <c>MeshOps.Consul.IntOrString</c>.</summary>
        IntOrString,

        /// <summary>Schemaless object (<c>type: object</c> with no properties): <c>JsonObject</c>.</summary>
        JsonObject,

        /// <summary>Any JSON value (<c>x-kubernetes-preserve-unknown-fields</c> without a type): <c>JsonNode</c>.</summary>
        JsonNode,

        /// <summary>An enum; <see cref="TypeRef.Name"/> is its full name.</summary>
        Enum,

        /// <summary>A generated class; <see cref="TypeRef.Name"/> is its full name.</summary>
        Object,

        /// <summary><c>IList&lt;Element&gt;</c>.</summary>
        List,

        /// <summary><c>IDictionary&lt;string, Element&gt;</c>.</summary>
        Map,
    }

    /// <summary>The C# type of a schema node. <see cref="Name"/> is a full type name without <c>global::</c> for enums and classes.</summary>
    internal sealed record TypeRef(TypeKind Kind, string Name, TypeRef? Element)
    {
        public static TypeRef Of(TypeKind kind) => new(kind, string.Empty, null);

        public static TypeRef ListOf(TypeRef element) => new(TypeKind.List, string.Empty, element);

        public static TypeRef MapOf(TypeRef element) => new(TypeKind.Map, string.Empty, element);

        public bool IsValueType => Kind is TypeKind.Int32 or TypeKind.Int64 or TypeKind.Double or TypeKind.Boolean or TypeKind.Enum or TypeKind.IntOrString;
    }
}
