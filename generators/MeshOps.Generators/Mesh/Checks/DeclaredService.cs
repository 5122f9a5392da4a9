using System.Collections.Immutable;
using MeshOps.Generators.Mesh.Models;
using Microsoft.CodeAnalysis;

namespace MeshOps.Generators.Mesh.Checks
{
    /// <summary>A service as the analyzer sees it: the model plus the symbol, for locations.</summary>
    internal sealed class DeclaredService
    {
        public DeclaredService(INamedTypeSymbol type, DeclaredServiceModel model)
        {
            Type = type;
            Model = model;
            MeshService = MeshParser.FindAttribute(type, KnownNames.MeshServiceAttribute)!;
        }

        public INamedTypeSymbol Type { get; }

        public DeclaredServiceModel Model { get; }

        public AttributeData MeshService { get; }

        /// <summary>The class, as C# messages name it.</summary>
        public string Display => Type.Name;

        /// <summary>The Deployment the mesh writes for the service, as runtime findings name it.</summary>
        public string Workload => "Deployment/" + Model.ServiceName;

        /// <summary>The wire value of the protocol the mesh writes in the service's ServiceDefaults ("http", "tcp", …).</summary>
        public string Protocol => Model.ProtocolMember.ToLowerInvariant();

        public ImmutableArray<AttributeData> Attributes(string metadataName) => MeshParser.AttributesOf(Type, metadataName);
    }
}
