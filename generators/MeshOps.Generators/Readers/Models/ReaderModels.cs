namespace MeshOps.Generators.Readers.Models
{
    /// <summary>What the reader does with one value, by the .NET type it is read into.</summary>
    internal enum ValueKind
    {
        /// <summary>No reader: a document that sets the field goes the System.Text.Json way.</summary>
        Unsupported,
        String,
        Int32,
        Int64,
        Boolean,
        NullableInt32,
        NullableInt64,
        NullableBoolean,
        /// <summary>KubernetesClient's <c>IntOrString</c>, read as its JSON converter reads it.</summary>
        KubernetesIntOrString,
        /// <summary>KubernetesClient's <c>ResourceQuantity</c>, from text or a number, as its JSON converter reads it.</summary>
        ResourceQuantity,
        /// <summary>A nullable Consul enum behind <c>LenientConsulEnumConverter</c>: its wire name, or null.</summary>
        LenientConsulEnum,
        Model,
        List,
        Dictionary,
    }

    /// <summary>
    /// A value's reader. <see cref="TypeName"/> is the C# type (fully qualified) for models, enums and list or
    /// dictionary items; <see cref="Element"/> describes the items of a list or the values of a dictionary;
    /// <see cref="ModelId"/> names a model's read method.
    /// </summary>
    internal sealed record ValueShape(ValueKind Kind, string TypeName, ValueShape? Element, string? ModelId = null)
    {
        public static readonly ValueShape Unsupported = new ValueShape(ValueKind.Unsupported, string.Empty, null);

        /// <summary>Identifies the shape in generated method names and de-duplicates list and dictionary readers.</summary>
        public string Key => Element is null ? $"{Kind}:{TypeName}" : $"{Kind}:{TypeName}<{Element.Key}>";
    }

    /// <summary>
    /// A property the reader sets: its C# name (escaped for source), its JSON name and how its value is read.
    /// <see cref="HoldsObjects"/>: its value is a reference other than text, so it may hold models (what InvalidObjects walks).
    /// <see cref="AcceptsNull"/>: a null is set as is even when the reader cannot read the property's other values.
    /// </summary>
    internal sealed record ModelProperty(string Name, string JsonName, ValueShape Shape, bool HoldsObjects, bool AcceptsNull);

    /// <summary>
    /// A class the reader builds. <see cref="Readable"/> is false when System.Text.Json would read it in a way the
    /// reader does not copy (a constructor with parameters, required or init-only members, polymorphism, fields);
    /// such a type is always read the System.Text.Json way. <see cref="HandsOverUnknownKeys"/>: System.Text.Json keeps an
    /// unknown key as JSON (extension data) or refuses it, so the reader hands such a document over instead of dropping the key.
    /// </summary>
    internal sealed record ModelType(string MetadataName, string TypeName, string Id, bool Readable, bool HandsOverUnknownKeys, EquatableArray<ModelProperty> Properties);

    /// <summary>
    /// The partial class to complete and every type reachable from its roots. <see cref="ConverterTypes"/> are the
    /// classes read by a converter (IntOrString, ResourceQuantity): System.Text.Json lists no properties for them.
    /// </summary>
    internal sealed record ReaderGraph(string Namespace, string ClassName, EquatableArray<string> Roots, EquatableArray<ModelType> Types, EquatableArray<string> ConverterTypes);
}
