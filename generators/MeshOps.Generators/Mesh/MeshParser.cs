using System;
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
    /// Symbols to models: reads a [MeshService] class's attributes into a <see cref="DeclaredServiceModel"/>. The analyzer
    /// reads declarations through here, and so does the generator for whatever <see cref="MeshSyntaxReader"/> cannot
    /// decide from syntax; the tests hold the two readers to the same models.
    /// </summary>
    internal static class MeshParser
    {
        private static readonly SymbolDisplayFormat FullyQualified = SymbolDisplayFormat.FullyQualifiedFormat;

        /// <summary>The model of a [MeshService] class nested in a mesh, or null when it is not nested in one.</summary>
        public static DeclaredServiceModel? ReadService(INamedTypeSymbol type, CancellationToken cancellationToken)
        {
            if (type.ContainingType is not { } mesh || !IsMesh(mesh))
            {
                return null;
            }

            // One pass over the attributes: the analyzer runs this for every service of every mesh, so it sorts them by
            // class once instead of searching the list per attribute kind.
            AttributeData? service = null;
            AttributeData? account = null;
            var containerPorts = new List<ContainerPortModel>();
            var servicePorts = new List<ServicePortModel>();
            var upstreams = new List<UpstreamModel>();
            foreach (var attribute in type.GetAttributes())
            {
                var attributeClass = attribute.AttributeClass;
                if (Is(attributeClass, KnownNames.MeshServiceAttribute))
                {
                    service ??= attribute;
                }
                else if (Is(attributeClass, KnownNames.ServiceAccountAttribute))
                {
                    account ??= attribute;
                }
                else if (Is(attributeClass, KnownNames.ContainerPortAttribute))
                {
                    containerPorts.Add(new ContainerPortModel(Positional(attribute), Named<string>(attribute, "Name"), Named<string>(attribute, "BindAddress")));
                }
                else if (Is(attributeClass, KnownNames.ServicePortAttribute))
                {
                    servicePorts.Add(new ServicePortModel(Positional(attribute), Named(attribute, "TargetPort", 0), Named<string>(attribute, "TargetPortName"), Named<string>(attribute, "Name")));
                }
                else if (Is(attributeClass, KnownNames.UpstreamAttribute))
                {
                    upstreams.Add(Upstream(attribute));
                }
            }

            if (service is null)
            {
                return null;
            }

            cancellationToken.ThrowIfCancellationRequested();
            var (protocolMember, protocolValue) = Protocol(service);
            return new DeclaredServiceModel(
                ReadMesh(mesh),
                type.Name,
                type.ToDisplayString(FullyQualified),
                service.ConstructorArguments.Length > 0 ? service.ConstructorArguments[0].Value as string ?? string.Empty : string.Empty,
                protocolMember,
                protocolValue,
                Named<string>(service, "Image"),
                Named(service, "Replicas", 1),
                Named<string>(service, "Namespace"),
                account is not null ? Named(account, "AutomountToken", true) : true,
                new EquatableArray<ContainerPortModel>(containerPorts),
                new EquatableArray<ServicePortModel>(servicePorts),
                new EquatableArray<UpstreamModel>(upstreams));
        }

        /// <summary>True for a class deriving from MeshDefinition&lt;itself&gt;.</summary>
        public static bool IsMesh(INamedTypeSymbol type) =>
            type.BaseType is { } baseType
            && baseType.OriginalDefinition.MetadataName == "MeshDefinition`1"
            && IsNamespace(baseType.OriginalDefinition.ContainingNamespace, "MeshOps.Authoring", "MeshOps.Authoring".Length)
            && baseType.TypeArguments.Length == 1
            && SymbolEqualityComparer.Default.Equals(baseType.TypeArguments[0], type);

        /// <summary>The attributes of one class, in source order, so index i of a model list is attribute i.</summary>
        public static ImmutableArray<AttributeData> AttributesOf(INamedTypeSymbol type, string attributeMetadataName) =>
            type.GetAttributes().Where(a => Is(a.AttributeClass, attributeMetadataName)).ToImmutableArray();

        public static AttributeData? FindAttribute(INamedTypeSymbol type, string attributeMetadataName) =>
            type.GetAttributes().FirstOrDefault(a => Is(a.AttributeClass, attributeMetadataName));

        /// <summary>
        /// Whether <paramref name="type"/> is the non-generic, top-level class <paramref name="metadataName"/>
        /// (e.g. <c>MeshOps.Authoring.UpstreamAttribute</c>): the same answer as comparing its ToDisplayString(), without
        /// building that string for every attribute of every service.
        /// </summary>
        public static bool Is(INamedTypeSymbol? type, string metadataName)
        {
            var dot = metadataName.LastIndexOf('.');
            var nameLength = metadataName.Length - dot - 1;
            return type is { Arity: 0, ContainingType: null }
                && type.Name.Length == nameLength
                && string.CompareOrdinal(type.Name, 0, metadataName, dot + 1, nameLength) == 0
                && IsNamespace(type.ContainingNamespace, metadataName, Math.Max(dot, 0));
        }

        /// <summary>Whether <paramref name="symbol"/> is the namespace written in the first <paramref name="end"/> characters of <paramref name="name"/>.</summary>
        private static bool IsNamespace(INamespaceSymbol? symbol, string name, int end)
        {
            var current = symbol;
            while (end > 0)
            {
                if (current is null || current.IsGlobalNamespace)
                {
                    return false;
                }

                var start = name.LastIndexOf('.', end - 1) + 1;
                var length = end - start;
                if (current.Name.Length != length || string.CompareOrdinal(current.Name, 0, name, start, length) != 0)
                {
                    return false;
                }

                current = current.ContainingNamespace;
                end = start - 1;
            }

            return current is null || current.IsGlobalNamespace;
        }

        /// <summary>Groups services by mesh, each mesh and its services in declaration order.</summary>
        public static ImmutableArray<TypedMeshModel> GroupByMesh(ImmutableArray<DeclaredServiceModel> services) =>
            services
                .GroupBy(s => s.Mesh)
                .Select(g => new TypedMeshModel(g.Key, new EquatableArray<DeclaredServiceModel>(g)))
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
