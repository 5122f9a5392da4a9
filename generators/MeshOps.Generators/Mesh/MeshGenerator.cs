using System.Collections.Immutable;
using MeshOps.Generators.Mesh.Models;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MeshOps.Generators.Mesh
{
    /// <summary>
    /// Typed mesh: completes every [MeshService] class nested in a MeshDefinition into a service handle, and the mesh
    /// into the registry Build() reads. Diagnostics come from <see cref="MeshDeclarationAnalyzer"/>.
    /// </summary>
    /// <remarks>
    /// The classes are found and read from syntax (<see cref="MeshSyntaxReader"/>), not with ForAttributeWithMetadataName:
    /// its transform binds every class's attributes again whenever the compilation changes, so an edit anywhere cost as
    /// much as a first run. Syntax is read again only where a tree changed; only declarations the syntax cannot decide
    /// are bound, and a project whose MeshOps names are aliased or taken by its own types is bound throughout.
    /// </remarks>
    [Generator(LanguageNames.CSharp)]
    public sealed class MeshGenerator : IIncrementalGenerator
    {
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var declarations = context.SyntaxProvider
                .CreateSyntaxProvider(
                    MeshSyntaxReader.IsServiceCandidate,
                    static (syntax, _) => MeshSyntaxReader.ReadServiceOnce((ClassDeclarationSyntax)syntax.Node))
                .WithTrackingName(TrackingNames.Mesh.ServiceDeclarations)
                .Collect();

            var meshDeclarations = context.SyntaxProvider
                .CreateSyntaxProvider(
                    MeshSyntaxReader.IsMeshCandidate,
                    static (syntax, _) => MeshSyntaxReader.ReadMeshOnce((ClassDeclarationSyntax)syntax.Node))
                .WithTrackingName(TrackingNames.Mesh.MeshDeclarations)
                .Collect();

            var shadowing = context.SyntaxProvider
                .CreateSyntaxProvider(MeshSyntaxReader.IsShadowingDeclaration, static (_, _) => true)
                .WithTrackingName(TrackingNames.Mesh.Shadowing)
                .Collect();

            var reference = context.CompilationProvider
                .Select(MeshServiceResolver.CheckReference)
                .WithTrackingName(TrackingNames.Mesh.Reference)
                .Combine(shadowing)
                .Select(static (pair, _) => pair.Left == MeshOpsReference.Trusted && !pair.Right.IsEmpty ? MeshOpsReference.Shadowed : pair.Left)
                .WithTrackingName(TrackingNames.Mesh.Names);

            var resolved = declarations
                .Combine(meshDeclarations)
                .Select(static (pair, _) => MeshServiceResolver.Resolve(pair.Left, pair.Right))
                .WithTrackingName(TrackingNames.Mesh.ResolvedServices);

            // Runs on every compilation, but touches it only for the declarations the syntax left undecided.
            var services = resolved
                .Combine(reference)
                .Combine(context.CompilationProvider)
                .Select(static (input, cancellationToken) => MeshServiceResolver.Bind(input.Left.Left, input.Left.Right, input.Right, cancellationToken))
                .WithTrackingName(TrackingNames.Mesh.Services);

            var meshes = services
                .SelectMany(static (all, _) => MeshParser.GroupByMesh(all.ToImmutableArray()))
                .WithTrackingName(TrackingNames.Mesh.Meshes);

            context.RegisterSourceOutput(meshes, static (output, mesh) =>
                output.AddSource(MeshEmitter.HintName(mesh), MeshEmitter.Emit(mesh)));
        }
    }
}
