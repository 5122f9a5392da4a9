using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using MeshOps.Generators.Common;
using MeshOps.Generators.Mesh.Models;
using Microsoft.CodeAnalysis;

namespace MeshOps.Generators.Mesh
{
    /// <summary>
    /// Symbols to models: reads a [MeshService] class's attributes into a <see cref="ServiceModel"/>. The generator
    /// and the analyzer both read declarations through here, so they agree on what was declared.
    /// </summary>
    internal static class MeshParser
    {
        private static readonly SymbolDisplayFormat FullyQualified = SymbolDisplayFormat.FullyQualifiedFormat;

        /// <summary>The model of a [MeshService] class nested in a mesh, or null when it is not nested in one.</summary>
        public static ServiceModel? ReadService(INamedTypeSymbol type, CancellationToken cancellationToken)
        {
            if (type.ContainingType is not { } mesh || !IsMesh(mesh) || FindAttribute(type, KnownNames.MeshServiceAttribute) is not { } service)
            {
                return null;
            }

            cancellationToken.ThrowIfCancellationRequested();
            var (protocolMember, protocolValue) = Protocol(service);
            return new ServiceModel(
                ReadMesh(mesh),
                type.Name,
                type.ToDisplayString(FullyQualified),
                service.ConstructorArguments.Length > 0 ? service.ConstructorArguments[0].Value as string ?? string.Empty : string.Empty,
                protocolMember,
                protocolValue,
                Named<string>(service, "Image"),
                Named(service, "Replicas", 1),
                FindAttribute(type, KnownNames.ServiceAccountAttribute) is { } account ? Named(account, "AutomountToken", true) : true,
                new EquatableArray<ContainerPortModel>(AttributesOf(type, KnownNames.ContainerPortAttribute).Select(a =>
                    new ContainerPortModel(Positional(a), Named<string>(a, "Name"), Named<string>(a, "BindAddress")))),
                new EquatableArray<ServicePortModel>(AttributesOf(type, KnownNames.ServicePortAttribute).Select(a =>
                    new ServicePortModel(Positional(a), Named(a, "TargetPort", 0), Named<string>(a, "TargetPortName"), Named<string>(a, "Name")))),
                new EquatableArray<UpstreamModel>(AttributesOf(type, KnownNames.UpstreamAttribute).Select(Upstream)));
        }

        /// <summary>True for a class deriving from MeshDefinition&lt;itself&gt;.</summary>
        public static bool IsMesh(INamedTypeSymbol type) =>
            type.BaseType is { } baseType
            && baseType.OriginalDefinition.MetadataName == "MeshDefinition`1"
            && baseType.OriginalDefinition.ContainingNamespace.ToDisplayString() == "MeshOps.Config"
            && baseType.TypeArguments.Length == 1
            && SymbolEqualityComparer.Default.Equals(baseType.TypeArguments[0], type);

        /// <summary>The attributes of one class, in source order, so index i of a model list is attribute i.</summary>
        public static ImmutableArray<AttributeData> AttributesOf(INamedTypeSymbol type, string attributeMetadataName) =>
            type.GetAttributes().Where(a => a.AttributeClass?.ToDisplayString() == attributeMetadataName).ToImmutableArray();

        public static AttributeData? FindAttribute(INamedTypeSymbol type, string attributeMetadataName) =>
            type.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == attributeMetadataName);

        /// <summary>Groups services by mesh, each mesh and its services in declaration order.</summary>
        public static ImmutableArray<MeshModel> GroupByMesh(ImmutableArray<ServiceModel> services) =>
            services
                .GroupBy(s => s.Mesh)
                .Select(g => new MeshModel(g.Key, new EquatableArray<ServiceModel>(g)))
                .ToImmutableArray();

        private static MeshTypeModel ReadMesh(INamedTypeSymbol mesh)
        {
            var containing = new List<string>();
            for (var outer = mesh.ContainingType; outer is not null; outer = outer.ContainingType)
            {
                containing.Insert(0, outer.Name);
            }

            return new MeshTypeModel(
                mesh.ContainingNamespace.IsGlobalNamespace ? string.Empty : mesh.ContainingNamespace.ToDisplayString(),
                new EquatableArray<string>(containing),
                mesh.Name,
                mesh.ToDisplayString(),
                mesh.ToDisplayString(FullyQualified));
        }

        private static UpstreamModel Upstream(AttributeData attribute)
        {
            var target = attribute.ConstructorArguments.Length > 0 ? attribute.ConstructorArguments[0].Value as ITypeSymbol : null;
            return new UpstreamModel(
                target?.ToDisplayString(FullyQualified) ?? string.Empty,
                target?.ToDisplayString() ?? string.Empty,
                Named(attribute, "Port", 0));
        }

        private static (string Member, int Value) Protocol(AttributeData service)
        {
            foreach (var argument in service.NamedArguments)
            {
                if (argument.Key == "Protocol" && argument.Value.Value is int value)
                {
                    var member = argument.Value.Type?.GetMembers().OfType<IFieldSymbol>()
                        .FirstOrDefault(f => f.HasConstantValue && Equals(f.ConstantValue, value));
                    return (member?.Name ?? string.Empty, value);
                }
            }

            return ("Tcp", 0);
        }

        private static int Positional(AttributeData attribute) =>
            attribute.ConstructorArguments.Length > 0 && attribute.ConstructorArguments[0].Value is int value ? value : 0;

        private static T? Named<T>(AttributeData attribute, string name)
            where T : class
        {
            foreach (var argument in attribute.NamedArguments)
            {
                if (argument.Key == name)
                {
                    return argument.Value.Value as T;
                }
            }

            return null;
        }

        private static T Named<T>(AttributeData attribute, string name, T fallback)
            where T : struct
        {
            foreach (var argument in attribute.NamedArguments)
            {
                if (argument.Key == name && argument.Value.Value is T value)
                {
                    return value;
                }
            }

            return fallback;
        }
    }
}
