using MeshOps.Generators.Common;

namespace MeshOps.Generators.Mesh.Models
{
    /// <summary>
    /// One class declaration nested in a class, with [MeshService] or another MeshOps attribute, as its syntax reads.
    /// <see cref="Service"/> is complete except for the upstream targets, which are resolved by name once every
    /// declaration is known (<see cref="UpstreamTypeNames"/>, index i for upstream i).
    /// </summary>
    /// <param name="MetadataName">The class's CLR metadata name (<c>Demo.DemoMesh+Api</c>), to find its symbol when it must be bound.</param>
    /// <param name="IsService">False for a part that carries MeshOps attributes but not [MeshService] (another part of a service, perhaps).</param>
    /// <param name="NeedsBinding">The syntax alone does not decide the model (a constant, an alias, a qualified typeof...): bind it.</param>
    internal sealed record ServiceDeclaration(
        string MetadataName,
        bool IsService,
        bool NeedsBinding,
        DeclaredServiceModel Service,
        EquatableArray<string> UpstreamTypeNames);

    /// <summary>A class declaration whose base list names MeshDefinition&lt;...&gt;, as its syntax reads.</summary>
    /// <param name="MetadataName">The display name of the class, as <see cref="MeshTypeModel.MetadataName"/>.</param>
    /// <param name="IsCertain">True when the syntax alone shows it derives from MeshDefinition&lt;itself&gt;.</param>
    internal sealed record MeshDeclaration(string MetadataName, bool IsCertain);

    /// <summary>Each [MeshService] declaration in order: its model when the syntax decided it, else the metadata name to bind.</summary>
    internal sealed record ResolvedService(DeclaredServiceModel? Service, string? BindingMetadataName);

    /// <summary>Whether the compilation references MeshOps, and whether simple names can be trusted to mean its types.</summary>
    internal enum MeshOpsReference
    {
        /// <summary>No MeshOps.Authoring.MeshServiceAttribute: generate nothing.</summary>
        Absent,

        /// <summary>MeshOps is referenced (and, once the syntax is checked, no source type or using alias takes one of its simple names): read syntax.</summary>
        Trusted,

        /// <summary>A source type or a using alias takes a MeshOps simple name: bind every declaration.</summary>
        Shadowed,
    }
}
