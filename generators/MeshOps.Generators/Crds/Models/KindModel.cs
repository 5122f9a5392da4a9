namespace MeshOps.Generators.Crds.Models
{
    /// <summary>
    /// One resource kind read from a CRD: everything the emitter needs, no Roslyn objects. <see cref="ConsulStatus"/>
    /// gives the resource consul-k8s' shared <c>MeshOps.Consul.ConsulStatus</c> (built-in kinds); a user CRD's status is
    /// kept with the other fields its schema does not name.
    /// </summary>
    internal sealed record KindModel(
        string Namespace,
        string Group,
        string Version,
        string Kind,
        string? Description,
        EquatableArray<PropertyModel> RootProperties,
        EquatableArray<ClassModel> Classes,
        EquatableArray<EnumModel> Enums,
        bool ConsulStatus = false)
    {
        public string ApiVersion => Group.Length == 0 ? Version : Group + "/" + Version;

        public string FullName => Namespace + "." + Kind;
    }

    /// <summary>A generated class for a nested object (the spec included).</summary>
    internal sealed record ClassModel(string Name, string? Description, EquatableArray<PropertyModel> Properties);

    /// <summary>
    /// A property of a generated class; <see cref="JsonName"/> is the CRD field name. <see cref="Shortcuts"/> are enum
    /// member names that get a builder method each (<c>Allow()</c> sets <c>Action</c> to <c>Allow</c>).
    /// </summary>
    internal sealed record PropertyModel(string JsonName, string Name, TypeRef Type, string? Description, bool Required, EquatableArray<string> Shortcuts);

    internal sealed record EnumModel(string Name, string? Description, EquatableArray<EnumMemberModel> Members);

    internal sealed record EnumMemberModel(string Name, string Value);
}
