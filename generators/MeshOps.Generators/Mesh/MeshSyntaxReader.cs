using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using MeshOps.Generators.Common;
using MeshOps.Generators.Mesh.Models;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MeshOps.Generators.Mesh
{
    /// <summary>
    /// Syntax to models, without a SemanticModel: reads [MeshService] classes the way <see cref="MeshParser"/> reads
    /// their symbols, for the common case of literal arguments, <c>MeshProtocol.X</c> and <c>typeof(Sibling)</c>.
    /// Whatever the syntax alone cannot decide marks the declaration <see cref="ServiceDeclaration.NeedsBinding"/>,
    /// and the generator reads that one through <see cref="MeshParser"/> instead. Only the edited syntax tree is read
    /// again after an edit, and the compilation is never touched.
    /// </summary>
    internal static class MeshSyntaxReader
    {
        // CreateSyntaxProvider keeps the predicate's matches per tree, but calls the transform again for every match
        // whenever the compilation changes and compares the result. A read depends only on the node and its tree, both
        // immutable, so it is kept per node: a node of an unchanged tree gives back the very same model at once.
        private static readonly ConditionalWeakTable<ClassDeclarationSyntax, StrongBox<ServiceDeclaration?>> Services = new();
        private static readonly ConditionalWeakTable<ClassDeclarationSyntax, StrongBox<MeshDeclaration?>> Meshes = new();

        private const string MeshOpsAuthoring = "MeshOps.Authoring";

        // MeshProtocol is Consul vocabulary, shared with the generated Consul kinds.
        private const string MeshOpsConsul = "MeshOps.Consul";
        private const string MeshService = "MeshService";
        private const string ContainerPort = "ContainerPort";
        private const string ServicePort = "ServicePort";
        private const string Upstream = "Upstream";
        private const string ServiceAccount = "ServiceAccount";
        private const string MeshDefinition = "MeshDefinition";
        private const string MeshProtocol = "MeshProtocol";

        /// <summary>The simple names the reader takes to mean MeshOps.Authoring types (attributes with and without their suffix).</summary>
        private static readonly string[] TrustedNames =
        [
            MeshService, MeshService + "Attribute", ContainerPort, ContainerPort + "Attribute", ServicePort, ServicePort + "Attribute",
            Upstream, Upstream + "Attribute", ServiceAccount, ServiceAccount + "Attribute", MeshDefinition, MeshProtocol,
        ];

        private static readonly string[] AttributeKinds = [MeshService, ContainerPort, ServicePort, Upstream, ServiceAccount];

        // MeshOps.Consul.MeshProtocol, member → value (src/MeshOps.Consul/MeshProtocol.cs).
        private static readonly Dictionary<string, int> Protocols = new(StringComparer.Ordinal)
        {
            ["Tcp"] = 0,
            ["Http"] = 1,
            ["Http2"] = 2,
            ["Grpc"] = 3,
        };

        /// <summary>Predicate: a class nested in a class, carrying an attribute named like one of MeshOps' service attributes.</summary>
        public static bool IsServiceCandidate(SyntaxNode node, CancellationToken cancellationToken)
        {
            if (node is not ClassDeclarationSyntax { AttributeLists.Count: > 0, Parent: ClassDeclarationSyntax } type)
            {
                return false;
            }

            foreach (var list in type.AttributeLists)
            {
                foreach (var attribute in list.Attributes)
                {
                    if (AttributeKind(attribute.Name) is not null)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>Predicate: a class whose first base type is named MeshDefinition&lt;...&gt;.</summary>
        public static bool IsMeshCandidate(SyntaxNode node, CancellationToken cancellationToken) =>
            node is ClassDeclarationSyntax { BaseList.Types: { Count: > 0 } types }
            && RightmostName(types[0].Type) is GenericNameSyntax { Identifier.ValueText: MeshDefinition, TypeArgumentList.Arguments.Count: 1 };

        /// <summary>
        /// Predicate: a declaration after which a MeshOps simple name may not mean MeshOps' type, or its type may hide
        /// behind another name: a using alias that takes or points at one, or a type of that name outside
        /// MeshOps.Authoring (for an attribute's name only a class with a base list, as nothing else can be an attribute).
        /// </summary>
        public static bool IsShadowingDeclaration(SyntaxNode node, CancellationToken cancellationToken) => node switch
        {
            UsingDirectiveSyntax { Alias: { } alias } directive =>
                IsTrustedName(alias.Name.Identifier.ValueText)
                || (RightmostName(directive.NamespaceOrType) is { } target && IsTrustedName(target.Identifier.ValueText)),
            BaseTypeDeclarationSyntax type =>
                IsTrustedName(type.Identifier.ValueText)
                && (type.Identifier.ValueText is MeshDefinition or MeshProtocol || type is ClassDeclarationSyntax { BaseList: not null })
                && !IsInMeshOpsNamespace(type),
            _ => false,
        };

        /// <summary>Transform of <see cref="IsServiceCandidate"/>: <see cref="ReadService"/>, once per node.</summary>
        public static ServiceDeclaration? ReadServiceOnce(ClassDeclarationSyntax type) =>
            Services.GetValue(type, static node => new StrongBox<ServiceDeclaration?>(ReadService(node))).Value;

        /// <summary>Transform of <see cref="IsMeshCandidate"/>: <see cref="ReadMesh"/>, once per node.</summary>
        public static MeshDeclaration? ReadMeshOnce(ClassDeclarationSyntax type) =>
            Meshes.GetValue(type, static node => new StrongBox<MeshDeclaration?>(ReadMesh(node))).Value;

        /// <summary>The class as a mesh declaration: its display name, and whether it certainly derives from MeshDefinition&lt;itself&gt;.</summary>
        public static MeshDeclaration? ReadMesh(ClassDeclarationSyntax type)
        {
            if (ReadTypeNames(type) is not { } names)
            {
                return null;
            }

            var baseType = type.BaseList!.Types[0].Type;
            var certain = names.IsPlain
                && IsMeshOpsQualified(baseType)
                && RightmostName(baseType) is GenericNameSyntax { TypeArgumentList.Arguments: { Count: 1 } arguments }
                && arguments[0] is IdentifierNameSyntax argument
                && IsPlain(argument.Identifier)
                && argument.Identifier.ValueText == type.Identifier.ValueText;
            return new MeshDeclaration(names.DisplayName, certain);
        }

        /// <summary>The class's attributes read into a model, as far as the syntax decides it.</summary>
        public static ServiceDeclaration? ReadService(ClassDeclarationSyntax type)
        {
            var mesh = (ClassDeclarationSyntax)type.Parent!;
            if (ReadTypeNames(mesh) is not { } meshNames)
            {
                return null;
            }

            var reader = new AttributeReader();
            foreach (var list in type.AttributeLists)
            {
                foreach (var attribute in list.Attributes)
                {
                    reader.Read(attribute);
                }
            }

            var meshModel = new MeshTypeModel(meshNames.Namespace, meshNames.ContainingTypes, mesh.Identifier.ValueText, meshNames.DisplayName, "global::" + meshNames.DisplayName);
            var className = type.Identifier.ValueText;
            var service = new DeclaredServiceModel(
                meshModel,
                className,
                "global::" + meshNames.DisplayName + "." + className,
                reader.ServiceName,
                reader.ProtocolMember,
                reader.ProtocolValue,
                reader.Image,
                reader.Replicas,
                reader.Namespace,
                reader.AutomountToken,
                new EquatableArray<ContainerPortModel>(reader.ContainerPorts),
                new EquatableArray<ServicePortModel>(reader.ServicePorts),
                new EquatableArray<UpstreamModel>(reader.Upstreams));
            // A base list could bring a nested type that typeof(Name) finds before a sibling; a generic class displays its parameters.
            var needsBinding = reader.NeedsBinding || !meshNames.IsPlain || !IsPlain(type.Identifier) || type.TypeParameterList is not null || type.BaseList is not null;
            return new ServiceDeclaration(
                meshNames.MetadataName + "+" + MetadataNameOf(type),
                reader.IsService,
                needsBinding,
                service,
                new EquatableArray<string>(reader.UpstreamTypeNames));
        }

        /// <summary>The kind of a MeshOps attribute by its simple name, without the Attribute suffix or a qualifier; null for others.</summary>
        private static string? AttributeKind(NameSyntax name)
        {
            if (RightmostName(name) is not IdentifierNameSyntax identifier)
            {
                return null;
            }

            var text = identifier.Identifier.ValueText;
            var length = text.EndsWith("Attribute", StringComparison.Ordinal) ? text.Length - "Attribute".Length : text.Length;
            foreach (var kind in AttributeKinds)
            {
                if (kind.Length == length && string.CompareOrdinal(text, 0, kind, 0, length) == 0)
                {
                    return kind;
                }
            }

            return null;
        }

        private static bool IsTrustedName(string name) => Array.IndexOf(TrustedNames, name) >= 0;

        /// <summary>A type declared directly in namespace MeshOps.Authoring or MeshOps.Consul: one of MeshOps' own, when the SDK itself compiles.</summary>
        private static bool IsInMeshOpsNamespace(BaseTypeDeclarationSyntax type) =>
            type.Parent is BaseNamespaceDeclarationSyntax { Parent: CompilationUnitSyntax } ns && QualifiedText(ns.Name) is MeshOpsAuthoring or MeshOpsConsul;

        private static SimpleNameSyntax? RightmostName(TypeSyntax type) => type switch
        {
            SimpleNameSyntax simple => simple,
            QualifiedNameSyntax qualified => qualified.Right,
            AliasQualifiedNameSyntax aliased => aliased.Name,
            _ => null,
        };

        /// <summary>Unqualified, or qualified exactly by MeshOps.Authoring or MeshOps.Consul (or with global::): the qualifier cannot mean another type.</summary>
        private static bool IsMeshOpsQualified(TypeSyntax type) => type switch
        {
            SimpleNameSyntax simple => IsPlain(simple.Identifier),
            QualifiedNameSyntax qualified => IsPlain(qualified.Right.Identifier) && QualifiedText(qualified.Left) is MeshOpsAuthoring or "global::" + MeshOpsAuthoring or MeshOpsConsul or "global::" + MeshOpsConsul,
            _ => false,
        };

        /// <summary>A name as written without trivia (e.g. <c>global::MeshOps.Authoring</c>); null for anything but plain identifiers.</summary>
        private static string? QualifiedText(NameSyntax name) => name switch
        {
            IdentifierNameSyntax identifier when IsPlain(identifier.Identifier) => identifier.Identifier.ValueText,
            QualifiedNameSyntax qualified when QualifiedText(qualified.Left) is { } left && QualifiedText(qualified.Right) is { } right => left + "." + right,
            AliasQualifiedNameSyntax { Alias.Identifier.ValueText: "global" } aliased when QualifiedText(aliased.Name) is { } right => "global::" + right,
            _ => null,
        };

        /// <summary>Written as its own name: no @ escape and no Unicode escape, so symbol display shows it the same way.</summary>
        private static bool IsPlain(SyntaxToken identifier) =>
            identifier.Text.Length == identifier.ValueText.Length && identifier.Text[0] != '@';

        /// <summary>Namespace, containing types and names of a class as the semantic reader computes them from its symbol.</summary>
        private static TypeNames? ReadTypeNames(ClassDeclarationSyntax type)
        {
            var plain = IsPlain(type.Identifier) && type.TypeParameterList is null;
            var containing = new List<string>();
            var metadataContaining = new List<string>();
            var namespaces = new List<string>();
            for (var parent = type.Parent; parent is not null; parent = parent.Parent)
            {
                switch (parent)
                {
                    case TypeDeclarationSyntax outer:
                        containing.Insert(0, outer.Identifier.ValueText);
                        metadataContaining.Insert(0, MetadataNameOf(outer));
                        plain &= IsPlain(outer.Identifier) && outer.TypeParameterList is null;
                        break;
                    case BaseNamespaceDeclarationSyntax ns:
                        if (QualifiedText(ns.Name) is not { } name)
                        {
                            return null;
                        }

                        namespaces.Insert(0, name);
                        break;
                    case CompilationUnitSyntax:
                        break;
                    default:
                        return null;
                }
            }

            var @namespace = string.Join(".", namespaces);
            var prefix = @namespace.Length > 0 ? @namespace + "." : string.Empty;
            var dotted = containing.Count > 0 ? string.Join(".", containing) + "." : string.Empty;
            var nested = metadataContaining.Count > 0 ? string.Join("+", metadataContaining) + "+" : string.Empty;
            return new TypeNames(
                @namespace,
                new EquatableArray<string>(containing),
                prefix + dotted + type.Identifier.ValueText,
                prefix + nested + MetadataNameOf(type),
                plain);
        }

        /// <summary>The name in metadata: <c>Name</c>, or <c>Name`2</c> for a generic type.</summary>
        private static string MetadataNameOf(TypeDeclarationSyntax type) =>
            type.TypeParameterList is { Parameters.Count: var arity } ? type.Identifier.ValueText + "`" + arity.ToString(System.Globalization.CultureInfo.InvariantCulture) : type.Identifier.ValueText;

        private sealed record TypeNames(string Namespace, EquatableArray<string> ContainingTypes, string DisplayName, string MetadataName, bool IsPlain);

        /// <summary>One pass over a class's attributes, in source order, keeping what <see cref="MeshParser.ReadService"/> keeps.</summary>
        private sealed class AttributeReader
        {
            private bool seenService;
            private bool seenAccount;

            public bool IsService => seenService;

            public bool NeedsBinding { get; private set; }

            public string ServiceName { get; private set; } = string.Empty;

            public string ProtocolMember { get; private set; } = "Tcp";

            public int ProtocolValue { get; private set; }

            public string? Image { get; private set; }

            public int Replicas { get; private set; } = 1;

            public string? Namespace { get; private set; }

            public bool AutomountToken { get; private set; } = true;

            public List<ContainerPortModel> ContainerPorts { get; } = new();

            public List<ServicePortModel> ServicePorts { get; } = new();

            public List<UpstreamModel> Upstreams { get; } = new();

            public List<string> UpstreamTypeNames { get; } = new();

            public void Read(AttributeSyntax attribute)
            {
                var kind = AttributeKind(attribute.Name);
                if (kind is null || !IsMeshOpsQualified(attribute.Name))
                {
                    // Another attribute, or one written through an alias or another qualifier: it may be a MeshOps
                    // attribute under another name, which only binding can tell.
                    NeedsBinding = true;
                    return;
                }

                var arguments = attribute.ArgumentList?.Arguments ?? default;
                switch (kind)
                {
                    case MeshService when !seenService:
                        seenService = true;
                        ReadMeshService(arguments);
                        break;
                    case ServiceAccount when !seenAccount:
                        seenAccount = true;
                        Positionals(arguments, 0);
                        AutomountToken = Named(arguments, "AutomountToken", Bool, true);
                        break;
                    case ContainerPort:
                        ContainerPorts.Add(new ContainerPortModel(Port(arguments), Named(arguments, "Name", String, null), Named(arguments, "BindAddress", String, null)));
                        break;
                    case ServicePort:
                        ServicePorts.Add(new ServicePortModel(
                            Port(arguments), Named(arguments, "TargetPort", Int, 0), Named(arguments, "TargetPortName", String, null), Named(arguments, "Name", String, null)));
                        break;
                    case Upstream:
                        ReadUpstream(arguments);
                        break;
                    default:
                        // A second [MeshService] or [ServiceAccount]: an error the compiler reports; the first one counts.
                        break;
                }
            }

            private void ReadMeshService(SeparatedSyntaxList<AttributeArgumentSyntax> arguments)
            {
                var positionals = Positionals(arguments, 1);
                ServiceName = positionals.Count == 1 ? Read(positionals[0].Expression, String) ?? string.Empty : string.Empty;
                Image = Named(arguments, "Image", String, null);
                Replicas = Named(arguments, "Replicas", Int, 1);
                Namespace = Named(arguments, "Namespace", String, null);
                if (FindNamed(arguments, "Protocol") is { } protocol)
                {
                    if (protocol is MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression, Name: IdentifierNameSyntax member } access
                        && access.Expression is NameSyntax enumType
                        && RightmostName(enumType) is IdentifierNameSyntax { Identifier.ValueText: MeshProtocol }
                        && IsMeshOpsQualified(enumType)
                        && IsPlain(member.Identifier)
                        && Protocols.TryGetValue(member.Identifier.ValueText, out var value))
                    {
                        ProtocolMember = member.Identifier.ValueText;
                        ProtocolValue = value;
                    }
                    else
                    {
                        NeedsBinding = true;
                    }
                }
            }

            private void ReadUpstream(SeparatedSyntaxList<AttributeArgumentSyntax> arguments)
            {
                var positionals = Positionals(arguments, 1);
                var target = positionals.Count == 1 && positionals[0].Expression is TypeOfExpressionSyntax { Type: IdentifierNameSyntax name } && IsPlain(name.Identifier)
                    ? name.Identifier.ValueText
                    : null;
                if (target is null)
                {
                    // typeof(Qualified.Name), typeof(string), an alias...: only binding finds the type.
                    NeedsBinding = true;
                }

                Upstreams.Add(new UpstreamModel(string.Empty, string.Empty, Named(arguments, "Port", Int, 0)));
                UpstreamTypeNames.Add(target ?? string.Empty);
            }

            private int Port(SeparatedSyntaxList<AttributeArgumentSyntax> arguments)
            {
                var positionals = Positionals(arguments, 1);
                return positionals.Count == 1 ? Read(positionals[0].Expression, Int) : 0;
            }

            /// <summary>The positional arguments; more than <paramref name="expected"/>, or one named with a colon, needs binding.</summary>
            private List<AttributeArgumentSyntax> Positionals(SeparatedSyntaxList<AttributeArgumentSyntax> arguments, int expected)
            {
                var positionals = new List<AttributeArgumentSyntax>(expected);
                foreach (var argument in arguments)
                {
                    if (argument.NameColon is not null)
                    {
                        NeedsBinding = true;
                    }
                    else if (argument.NameEquals is null)
                    {
                        positionals.Add(argument);
                    }
                }

                if (positionals.Count != expected)
                {
                    NeedsBinding = true;
                }

                return positionals;
            }

            private T Named<T>(SeparatedSyntaxList<AttributeArgumentSyntax> arguments, string name, Func<ExpressionSyntax, (bool Ok, T Value)> read, T fallback) =>
                FindNamed(arguments, name) is { } expression ? Read(expression, read) : fallback;

            private T Read<T>(ExpressionSyntax expression, Func<ExpressionSyntax, (bool Ok, T Value)> read)
            {
                var (ok, value) = read(expression);
                NeedsBinding |= !ok;
                return value;
            }

            private static ExpressionSyntax? FindNamed(SeparatedSyntaxList<AttributeArgumentSyntax> arguments, string name)
            {
                foreach (var argument in arguments)
                {
                    if (argument.NameEquals is { } equals && equals.Name.Identifier.ValueText == name)
                    {
                        return argument.Expression;
                    }
                }

                return null;
            }

            private static (bool, string?) String(ExpressionSyntax expression) => expression switch
            {
                LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } literal => (true, literal.Token.ValueText),
                LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NullLiteralExpression } => (true, null),
                _ => (false, null),
            };

            private static (bool, int) Int(ExpressionSyntax expression) => expression switch
            {
                LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NumericLiteralExpression, Token.Value: int value } => (true, value),
                PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.UnaryMinusExpression, Operand: LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NumericLiteralExpression, Token.Value: int value } } => (true, -value),
                _ => (false, 0),
            };

            private static (bool, bool) Bool(ExpressionSyntax expression) => expression.RawKind switch
            {
                (int)SyntaxKind.TrueLiteralExpression => (true, true),
                (int)SyntaxKind.FalseLiteralExpression => (true, false),
                _ => (false, false),
            };
        }
    }
}
