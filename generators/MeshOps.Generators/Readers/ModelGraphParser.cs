using System.Collections.Generic;
using System.Linq;
using System.Threading;
using MeshOps.Generators.Crds;
using MeshOps.Generators.Readers.Models;
using Microsoft.CodeAnalysis;

namespace MeshOps.Generators.Readers
{
    /// <summary>
    /// Symbols → model: walks every class reachable from the root types through their JSON properties and decides, per
    /// property, how the reader reads it. Anything System.Text.Json would read differently from the plain rules below is
    /// <see cref="ValueKind.Unsupported"/>, and a document that uses it is read by System.Text.Json instead.
    /// </summary>
    internal static class ModelGraphParser
    {
        private const string JsonNamespace = "System.Text.Json.Serialization.";

        public static ReaderGraph Parse(INamedTypeSymbol target, IEnumerable<ITypeSymbol> roots, CancellationToken cancellationToken)
        {
            var types = new List<ModelType>();
            var ids = new Dictionary<string, string>();
            var pending = new Queue<INamedTypeSymbol>();
            var rootNames = new List<string>();
            var converterTypes = new HashSet<string>();

            string Enqueue(INamedTypeSymbol type)
            {
                var name = MetadataName(type);
                if (!ids.TryGetValue(name, out var id))
                {
                    id = "M" + ids.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    ids.Add(name, id);
                    pending.Enqueue(type);
                }

                return id;
            }

            foreach (var root in roots.OfType<INamedTypeSymbol>())
            {
                if (IsModelClass(root) && !rootNames.Contains(MetadataName(root)))
                {
                    Enqueue(root);
                    rootNames.Add(MetadataName(root));
                }
            }

            while (pending.Count > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var type = pending.Dequeue();
                types.Add(Describe(type, ids[MetadataName(type)], Enqueue, converterTypes));
            }

            return new ReaderGraph(
                target.ContainingNamespace.IsGlobalNamespace ? string.Empty : target.ContainingNamespace.ToDisplayString(),
                target.Name,
                new EquatableArray<string>(rootNames),
                new EquatableArray<ModelType>(types),
                new EquatableArray<string>(converterTypes.OrderBy(name => name, System.StringComparer.Ordinal)));
        }

        private static ModelType Describe(INamedTypeSymbol type, string id, System.Func<INamedTypeSymbol, string> enqueue, HashSet<string> converterTypes)
        {
            var readable = IsReadableClass(type);
            // An unknown key is kept as JSON (extension data) or refused (JsonUnmappedMemberHandling.Disallow): not skipped.
            var handsOverUnknownKeys = HasAttribute(type, JsonNamespace + "JsonUnmappedMemberHandlingAttribute");
            var properties = new List<ModelProperty>();
            var jsonNames = new HashSet<string>();
            foreach (var property in PropertiesOf(type))
            {
                if (HasAttribute(property, JsonNamespace + "JsonExtensionDataAttribute"))
                {
                    handsOverUnknownKeys = true;
                    continue;
                }

                if (IsIgnoredOnRead(property))
                    continue;
                var jsonName = JsonName(property);
                if (jsonName is null || !jsonNames.Add(jsonName) || property.IsRequired
                    || HasAttribute(property, JsonNamespace + "JsonRequiredAttribute") || HasAttribute(property, JsonNamespace + "JsonPropertyOrderAttribute")
                    || HasAttribute(property, JsonNamespace + "JsonObjectCreationHandlingAttribute")
                    || property.GetMethod is not { DeclaredAccessibility: Accessibility.Public }
                    || property.SetMethod is not { DeclaredAccessibility: Accessibility.Public, IsInitOnly: false })
                {
                    // A name from a naming policy or given twice, a required or ordered member, one only an initializer
                    // can set, or one the generated code could not reach: System.Text.Json's way.
                    readable = false;
                    continue;
                }

                var shape = HasAttribute(property, JsonNamespace + "JsonConverterAttribute")
                    ? ConverterShape(property)
                    : ShapeOf(property.Type, enqueue, converterTypes);
                properties.Add(new ModelProperty(Naming.Identifier(property.Name), jsonName, shape, property.Type.IsReferenceType && property.Type.SpecialType != SpecialType.System_String, AcceptsNull(property)));
            }

            return new ModelType(MetadataName(type), TypeName(type), id, readable, handsOverUnknownKeys, new EquatableArray<ModelProperty>(properties));
        }

        /// <summary>
        /// Public instance properties with a getter, in System.Text.Json's order: the class's own first, then each base
        /// class's; a property a derived class overrides or hides (by name) is listed once, as the derived class has it.
        /// </summary>
        private static IEnumerable<IPropertySymbol> PropertiesOf(INamedTypeSymbol type)
        {
            var seen = new HashSet<string>();
            for (var declaring = type; declaring is not null && declaring.SpecialType != SpecialType.System_Object; declaring = declaring.BaseType)
            {
                foreach (var member in declaring.GetMembers())
                {
                    if (member is IPropertySymbol { IsStatic: false, IsIndexer: false, DeclaredAccessibility: Accessibility.Public, GetMethod: not null } property
                        && property.ExplicitInterfaceImplementations.IsEmpty && seen.Add(property.Name))
                        yield return property;
                }
            }
        }

        /// <summary>LenientConsulEnumConverter&lt;TEnum&gt; on a TEnum? property is the only property-level converter the reader copies.</summary>
        private static ValueShape ConverterShape(IPropertySymbol property)
        {
            var converter = property.GetAttributes().First(a => IsAttribute(a, JsonNamespace + "JsonConverterAttribute"))
                .ConstructorArguments.FirstOrDefault().Value as INamedTypeSymbol;
            return converter is { Name: "LenientConsulEnumConverter", TypeArguments.Length: 1 } && converter.ContainingNamespace.ToDisplayString() == "MeshOps.Consul"
                && property.Type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable
                && SymbolEqualityComparer.Default.Equals(nullable.TypeArguments[0], converter.TypeArguments[0])
                ? new ValueShape(ValueKind.LenientConsulEnum, TypeName(converter.TypeArguments[0]), null)
                : ValueShape.Unsupported;
        }

        /// <summary>
        /// Whether a null the reader does not otherwise read can be set as is: System.Text.Json reads a JSON null into a
        /// nullable value type (before any converter of the underlying type) or a reference type without asking a
        /// converter, unless one on the property or the type says it handles null itself.
        /// </summary>
        private static bool AcceptsNull(IPropertySymbol property)
        {
            if (HasAttribute(property, JsonNamespace + "JsonConverterAttribute"))
                return false;
            var type = property.Type;
            if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T })
                return true;
            return type.IsReferenceType && !HasAttribute(type, JsonNamespace + "JsonConverterAttribute");
        }

        private static ValueShape ShapeOf(ITypeSymbol type, System.Func<INamedTypeSymbol, string> enqueue, HashSet<string> converterTypes)
        {
            switch (type.SpecialType)
            {
                case SpecialType.System_String: return new ValueShape(ValueKind.String, "string", null);
                case SpecialType.System_Int32: return new ValueShape(ValueKind.Int32, "int", null);
                case SpecialType.System_Int64: return new ValueShape(ValueKind.Int64, "long", null);
                case SpecialType.System_Boolean: return new ValueShape(ValueKind.Boolean, "bool", null);
            }

            if (type is not INamedTypeSymbol named)
                return ValueShape.Unsupported;
            if (named.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T)
            {
                switch (named.TypeArguments[0].SpecialType)
                {
                    case SpecialType.System_Int32: return new ValueShape(ValueKind.NullableInt32, "int?", null);
                    case SpecialType.System_Int64: return new ValueShape(ValueKind.NullableInt64, "long?", null);
                    case SpecialType.System_Boolean: return new ValueShape(ValueKind.NullableBoolean, "bool?", null);
                    default: return ValueShape.Unsupported;
                }
            }

            var metadataName = MetadataName(named);
            if (metadataName is "k8s.Models.IntOrString" or "k8s.Models.ResourceQuantity")
            {
                converterTypes.Add(metadataName);
                return new ValueShape(metadataName == "k8s.Models.IntOrString" ? ValueKind.KubernetesIntOrString : ValueKind.ResourceQuantity, TypeName(named), null);
            }

            if (named.IsGenericType)
            {
                var definition = MetadataName(named.OriginalDefinition);
                if (definition is "System.Collections.Generic.IList`1" or "System.Collections.Generic.List`1")
                {
                    var item = ShapeOf(named.TypeArguments[0], enqueue, converterTypes);
                    return item.Kind == ValueKind.Unsupported ? ValueShape.Unsupported : new ValueShape(ValueKind.List, TypeName(named.TypeArguments[0]), item);
                }

                if (definition is "System.Collections.Generic.IDictionary`2" or "System.Collections.Generic.Dictionary`2"
                    && named.TypeArguments[0].SpecialType == SpecialType.System_String)
                {
                    var value = ShapeOf(named.TypeArguments[1], enqueue, converterTypes);
                    return value.Kind == ValueKind.Unsupported ? ValueShape.Unsupported : new ValueShape(ValueKind.Dictionary, TypeName(named.TypeArguments[1]), value);
                }

                return ValueShape.Unsupported;
            }

            return IsModelClass(named) ? new ValueShape(ValueKind.Model, TypeName(named), null, enqueue(named)) : ValueShape.Unsupported;
        }

        /// <summary>A class System.Text.Json reads property by property (not a collection, nor one of its own or the framework's types).</summary>
        private static bool IsModelClass(INamedTypeSymbol type) =>
            type.TypeKind == TypeKind.Class && !type.IsAbstract && !type.IsGenericType && !type.IsStatic
            && !MetadataName(type).StartsWith("System.", System.StringComparison.Ordinal)
            && !type.AllInterfaces.Any(i => i.SpecialType == SpecialType.System_Collections_IEnumerable)
            && !HasAttribute(type, JsonNamespace + "JsonConverterAttribute");

        /// <summary>
        /// Built through a public parameterless constructor and filled property by property, as the readers do: no
        /// constructor System.Text.Json would call instead, no polymorphism, no members it reads that the readers do not see
        /// (fields or non-public members with [JsonInclude], properties with a setter and no getter).
        /// </summary>
        private static bool IsReadableClass(INamedTypeSymbol type)
        {
            if (!type.InstanceConstructors.Any(c => c.DeclaredAccessibility == Accessibility.Public && c.Parameters.IsEmpty)
                || type.InstanceConstructors.Any(c => HasAttribute(c, JsonNamespace + "JsonConstructorAttribute"))
                || HasAttribute(type, JsonNamespace + "JsonPolymorphicAttribute") || HasAttribute(type, JsonNamespace + "JsonDerivedTypeAttribute")
                || HasAttribute(type, JsonNamespace + "JsonObjectCreationHandlingAttribute")
                || type.DeclaredAccessibility != Accessibility.Public && type.DeclaredAccessibility != Accessibility.Internal)
                return false;
            for (var declaring = type; declaring is not null && declaring.SpecialType != SpecialType.System_Object; declaring = declaring.BaseType)
            {
                foreach (var member in declaring.GetMembers())
                {
                    if (member.IsStatic)
                        continue;
                    if (member is IFieldSymbol field && HasAttribute(field, JsonNamespace + "JsonIncludeAttribute"))
                        return false;
                    if (member is IPropertySymbol property && !property.IsIndexer
                        && (property.DeclaredAccessibility == Accessibility.Public && property.GetMethod is null && property.SetMethod is not null
                            || property.DeclaredAccessibility != Accessibility.Public && HasAttribute(property, JsonNamespace + "JsonIncludeAttribute")))
                        return false;
                }
            }

            return true;
        }

        private static string? JsonName(IPropertySymbol property) =>
            property.GetAttributes().FirstOrDefault(a => IsAttribute(a, JsonNamespace + "JsonPropertyNameAttribute"))
                ?.ConstructorArguments.FirstOrDefault().Value as string;

        /// <summary>[JsonIgnore] without a condition, or with Always or WhenReading: System.Text.Json never sets it from JSON.</summary>
        private static bool IsIgnoredOnRead(IPropertySymbol property)
        {
            var ignore = property.GetAttributes().FirstOrDefault(a => IsAttribute(a, JsonNamespace + "JsonIgnoreAttribute"));
            if (ignore is null)
                return false;
            var condition = ignore.NamedArguments.FirstOrDefault(a => a.Key == "Condition").Value;
            // JsonIgnoreCondition.Always (1, the attribute's default) and WhenReading (5, .NET 10).
            return condition.IsNull || condition.Value is 1 or 5;
        }

        private static bool HasAttribute(ISymbol symbol, string attribute) =>
            symbol.GetAttributes().Any(a => IsAttribute(a, attribute));

        /// <summary>The attribute or one derived from it (a custom JsonConverterAttribute is still a converter).</summary>
        private static bool IsAttribute(AttributeData data, string attribute)
        {
            for (var type = data.AttributeClass; type is not null; type = type.BaseType)
            {
                if (type.ToDisplayString() == attribute)
                    return true;
            }

            return false;
        }

        /// <summary>Namespace.Name`arity, nested types with '+': what <c>Type.FullName</c> says at run time.</summary>
        public static string MetadataName(INamedTypeSymbol type)
        {
            var name = type.MetadataName;
            for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
                name = outer.MetadataName + "+" + name;
            return type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() + "." + name : name;
        }

        private static string TypeName(ITypeSymbol type) =>
            type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
    }
}
