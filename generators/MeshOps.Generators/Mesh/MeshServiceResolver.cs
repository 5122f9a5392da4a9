using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using MeshOps.Generators.Common;
using MeshOps.Generators.Mesh.Models;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MeshOps.Generators.Mesh
{
    /// <summary>
    /// Joins what <see cref="MeshSyntaxReader"/> read into the services of each mesh: decides which classes sit in a
    /// mesh, resolves <c>typeof(Sibling)</c> upstreams, and binds through <see cref="MeshParser"/> only the
    /// declarations the syntax could not decide.
    /// </summary>
    internal static class MeshServiceResolver
    {
        /// <summary>Once per compilation: is MeshOps referenced? (Whether its names are shadowed is read from syntax.)</summary>
        public static MeshOpsReference CheckReference(Compilation compilation, CancellationToken cancellationToken) =>
            compilation.GetTypeByMetadataName(KnownNames.MeshServiceAttribute) is null ? MeshOpsReference.Absent : MeshOpsReference.Trusted;

        /// <summary>
        /// Every [MeshService] declaration in order, with its model when the syntax decided it: its class sits in a
        /// mesh that certainly derives from MeshDefinition&lt;itself&gt;, it has no other attributed part, and every
        /// upstream names a sibling service. Otherwise its metadata name, to bind.
        /// </summary>
        public static EquatableArray<ResolvedService> Resolve(ImmutableArray<ServiceDeclaration?> declarations, ImmutableArray<MeshDeclaration?> meshParts)
        {
            // A mesh split over partial declarations is certain when some part names MeshDefinition<itself> and no part
            // names MeshDefinition<something else>.
            var meshes = new Dictionary<string, bool>(StringComparer.Ordinal);
            foreach (var part in meshParts)
            {
                if (part is not null)
                {
                    meshes[part.MetadataName] = part.IsCertain && (!meshes.TryGetValue(part.MetadataName, out var certain) || certain);
                }
            }

            var parts = new Dictionary<string, int>(StringComparer.Ordinal);
            var siblings = new Dictionary<(string Mesh, string Class), DeclaredServiceModel>();
            foreach (var declaration in declarations)
            {
                if (declaration is null)
                {
                    continue;
                }

                parts[declaration.MetadataName] = parts.TryGetValue(declaration.MetadataName, out var count) ? count + 1 : 1;
                var key = (declaration.Service.Mesh.MetadataName, declaration.Service.ClassName);
                if (declaration.IsService && !siblings.ContainsKey(key))
                {
                    siblings.Add(key, declaration.Service);
                }
            }

            var resolved = new List<ResolvedService>();
            foreach (var declaration in declarations)
            {
                if (declaration is not { IsService: true })
                {
                    continue;
                }

                var service = !declaration.NeedsBinding
                    && parts[declaration.MetadataName] == 1
                    && meshes.TryGetValue(declaration.Service.Mesh.MetadataName, out var isMesh) && isMesh
                        ? WithUpstreams(declaration, siblings)
                        : null;
                resolved.Add(service is not null ? new ResolvedService(service, null) : new ResolvedService(null, declaration.MetadataName));
            }

            return new EquatableArray<ResolvedService>(resolved);
        }

        /// <summary>
        /// The services of every mesh in declaration order. The syntax's models as they are when every declaration was
        /// decided (the compilation is not touched); the others read from their symbols; all of them from symbols when
        /// MeshOps' names are shadowed or aliased.
        /// </summary>
        public static EquatableArray<DeclaredServiceModel> Bind(EquatableArray<ResolvedService> resolved, MeshOpsReference reference, Compilation compilation, CancellationToken cancellationToken)
        {
            switch (reference)
            {
                case MeshOpsReference.Absent:
                    return EquatableArray<DeclaredServiceModel>.Empty;
                case MeshOpsReference.Shadowed:
                    return ReadEveryService(compilation, cancellationToken);
                case MeshOpsReference.Trusted:
                    break;
            }

            var services = new List<DeclaredServiceModel>(resolved.Count);
            foreach (var entry in resolved)
            {
                if (entry.Service is not null)
                {
                    services.Add(entry.Service);
                }
                else if (compilation.GetTypeByMetadataName(entry.BindingMetadataName!) is { } type
                    && MeshParser.ReadService(type, cancellationToken) is { } service)
                {
                    services.Add(service);
                }
            }

            return new EquatableArray<DeclaredServiceModel>(services);
        }

        /// <summary>The semantic path for every class: what ForAttributeWithMetadataName would find, in the same order.</summary>
        private static EquatableArray<DeclaredServiceModel> ReadEveryService(Compilation compilation, CancellationToken cancellationToken)
        {
            var services = new List<DeclaredServiceModel>();
            var seen = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
            foreach (var tree in compilation.SyntaxTrees)
            {
                SemanticModel? model = null;
                var classes = tree.GetRoot(cancellationToken)
                    .DescendantNodes(static node => node is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax)
                    .OfType<ClassDeclarationSyntax>();
                foreach (var declaration in classes)
                {
                    if (declaration is not { AttributeLists.Count: > 0, Parent: ClassDeclarationSyntax })
                    {
                        continue;
                    }

                    model ??= compilation.GetSemanticModel(tree);
                    if (model.GetDeclaredSymbol(declaration, cancellationToken) is { } type
                        && MeshParser.FindAttribute(type, KnownNames.MeshServiceAttribute) is { ApplicationSyntaxReference: { } reference }
                        && reference.SyntaxTree == tree
                        && declaration.Span.Contains(reference.Span)
                        && seen.Add(type)
                        && MeshParser.ReadService(type, cancellationToken) is { } service)
                    {
                        services.Add(service);
                    }
                }
            }

            return new EquatableArray<DeclaredServiceModel>(services);
        }

        /// <summary>The service with each <c>typeof(Name)</c> resolved to the sibling service of that name; null if one names none.</summary>
        private static DeclaredServiceModel? WithUpstreams(ServiceDeclaration declaration, Dictionary<(string Mesh, string Class), DeclaredServiceModel> siblings)
        {
            var service = declaration.Service;
            if (service.Upstreams.Count == 0)
            {
                return service;
            }

            var upstreams = new UpstreamModel[service.Upstreams.Count];
            for (var i = 0; i < upstreams.Length; i++)
            {
                if (!siblings.TryGetValue((service.Mesh.MetadataName, declaration.UpstreamTypeNames[i]), out var target))
                {
                    return null;
                }

                upstreams[i] = new UpstreamModel(target.TypeMetadataName, target.Mesh.MetadataName + "." + target.ClassName, service.Upstreams[i].Port);
            }

            return service with { Upstreams = new EquatableArray<UpstreamModel>(upstreams) };
        }
    }
}
