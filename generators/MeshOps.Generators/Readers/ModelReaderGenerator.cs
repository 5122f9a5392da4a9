using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MeshOps.Generators.Readers
{
    /// <summary>
    /// Pipeline wiring only. The SDK marks one partial class with <c>[ModelReaderRoots(typeof(...), ...)]</c>; the class
    /// gets readers from its parsed YAML tree straight into those types and every class they reach, so a session's first
    /// command need not build System.Text.Json's metadata for the whole Kubernetes object graph (issue 14, first call).
    /// The attribute is internal to the SDK, so the generator does nothing in a user's project.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class ModelReaderGenerator : IIncrementalGenerator
    {
        public const string AttributeName = "MeshOps.Sources.Files.ModelReaderRootsAttribute";

        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var graphs = context.SyntaxProvider.ForAttributeWithMetadataName(
                    AttributeName,
                    static (node, _) => node is ClassDeclarationSyntax,
                    static (attributed, cancellationToken) =>
                    {
                        var roots = attributed.Attributes[0].ConstructorArguments.FirstOrDefault();
                        var types = roots.Kind == TypedConstantKind.Array
                            ? roots.Values.Select(value => value.Value).OfType<ITypeSymbol>()
                            : Enumerable.Empty<ITypeSymbol>();
                        return ModelGraphParser.Parse((INamedTypeSymbol)attributed.TargetSymbol, types, cancellationToken);
                    })
                .WithTrackingName(TrackingNames.Readers.Graphs);
            context.RegisterSourceOutput(graphs, static (output, graph) => output.AddSource(ModelReaderEmitter.HintName(graph), ModelReaderEmitter.Emit(graph)));
        }
    }
}
