using MeshOps.Generators.Mesh.Models;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MeshOps.Generators.Mesh
{
    /// <summary>
    /// Typed mesh: completes every [MeshService] class nested in a MeshDefinition into a service handle, and the mesh
    /// into the registry Build() reads. Diagnostics come from <see cref="MeshDeclarationAnalyzer"/>.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class MeshGenerator : IIncrementalGenerator
    {
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var services = context.SyntaxProvider
                .ForAttributeWithMetadataName(
                    KnownNames.MeshServiceAttribute,
                    static (node, _) => node is ClassDeclarationSyntax,
                    static (attributeContext, cancellationToken) =>
                        attributeContext.TargetSymbol is INamedTypeSymbol type ? MeshParser.ReadService(type, cancellationToken) : null)
                .WithTrackingName(TrackingNames.Mesh.ServiceDeclarations)
                .Where(static service => service is not null)
                .Select(static (service, _) => service!)
                .WithTrackingName(TrackingNames.Mesh.Services);

            var meshes = services
                .Collect()
                .WithTrackingName(TrackingNames.Mesh.CollectedServices)
                .SelectMany(static (all, _) => MeshParser.GroupByMesh(all))
                .WithTrackingName(TrackingNames.Mesh.Meshes);

            context.RegisterSourceOutput(meshes, static (output, mesh) =>
                output.AddSource(MeshEmitter.HintName(mesh), MeshEmitter.Emit(mesh)));
        }
    }
}
