using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using MeshOps.Generators.Crds.Models;
using MeshOps.Generators.Crds.Yaml;

namespace MeshOps.Generators.Crds
{
    /// <summary>
    /// Names the types of one kind and builds its <see cref="KindModel"/>. Nested object types are named
    /// <c>Kind + Pascal(singular(field))</c>; when that name is taken by a different shape the parent type's name is the
    /// prefix instead, then a number is appended. Objects (and enums) of identical shape share one type, so the three
    /// <c>meshGateway</c> objects of ServiceDefaults are one <c>ServiceDefaultsMeshGateway</c>. Names follow schema order,
    /// so the output is the same on every run.
    /// </summary>
    internal sealed class KindModelBuilder
    {
        /// <summary>Fields every resource has; the emitter writes them itself.</summary>
        private static readonly HashSet<string> StandardRootFields = new(StringComparer.Ordinal) { "apiVersion", "kind", "metadata", "status" };

        /// <summary>
        /// Members every class has: those inherited from <see cref="object"/> (a property of that name would hide one,
        /// CS0108/CS0114) and the emitter's <c>AdditionalProperties</c>.
        /// </summary>
        private static readonly string[] ObjectMembers = { "Equals", "GetHashCode", "GetType", "ToString", "MemberwiseClone", "Finalize", "ReferenceEquals", "AdditionalProperties" };

        private readonly string _namespace;
        private readonly string _kind;
        private readonly HashSet<string> _taken;
        private readonly Dictionary<string, TypeRef> _byShape = new(StringComparer.Ordinal);
        private readonly List<ClassModel?> _classes = new();
        private readonly List<EnumModel> _enums = new();

        private KindModelBuilder(string @namespace, string kind, IEnumerable<string> reserved)
        {
            _namespace = @namespace;
            _kind = kind;
            _taken = new HashSet<string>(reserved, StringComparer.Ordinal);
        }

        /// <param name="reserved">Names other kinds of the same namespace use (their resource and builder types).</param>
        public static KindModel Build(string @namespace, string group, string version, string kind, SchemaNode root, IEnumerable<string> reserved, bool consulStatus = false)
        {
            var builder = new KindModelBuilder(@namespace, kind, reserved);
            builder._taken.Add(kind);
            builder._taken.Add(kind + "Builder");
            var rootProperties = new List<PropertyModel>();
            var names = new HashSet<string>(ObjectMembers, StringComparer.Ordinal) { kind, "ApiVersion", "Kind", "Metadata", "Status", "Create", "DefaultApiVersion", "ResourceKind" };
            foreach (var field in root.Properties)
            {
                if (StandardRootFields.Contains(field.Key))
                    continue;
                var type = field.Key == "spec" && IsClass(field.Value)
                    ? builder.ClassFor(field.Value, kind + "Spec", kind + "Spec")
                    : builder.Resolve(field.Value, field.Key, kind);
                rootProperties.Add(new PropertyModel(field.Key, Naming.Unique(Naming.Pascal(field.Key), names), type, field.Value.Description, root.Required.Contains(field.Key), field.Value.Shortcuts.Where(s => Naming.Pascal(s) == s).ToEquatableArray()));
            }

            return new KindModel(
                @namespace,
                group,
                version,
                kind,
                root.Description,
                rootProperties.ToEquatableArray(),
                builder._classes.Select(c => c!).ToEquatableArray(),
                builder._enums.ToEquatableArray(),
                consulStatus);
        }

        private static bool IsClass(SchemaNode node) => node.Properties.Count > 0 && !node.IntOrString;

        private TypeRef Resolve(SchemaNode node, string field, string parentName)
        {
            if (node.IntOrString)
                return TypeRef.Of(TypeKind.IntOrString);
            if (node.ExternalType is not null)
                return new TypeRef(TypeKind.Enum, node.ExternalType, null);

            switch (node.Type)
            {
                case "string":
                    return node.Enum.Any(v => v.Length > 0) ? EnumFor(node, field, parentName) : TypeRef.Of(TypeKind.String);
                case "integer":
                    return TypeRef.Of(node.Format == "int32" ? TypeKind.Int32 : TypeKind.Int64);
                case "number":
                    return TypeRef.Of(TypeKind.Double);
                case "boolean":
                    return TypeRef.Of(TypeKind.Boolean);
                case "array":
                    if (node.Items is null)
                        throw new YamlException(node.Line, $"The array '{field}' has no 'items' schema.");
                    return TypeRef.ListOf(Resolve(node.Items, Naming.Singular(field), parentName));
                case "object":
                    if (IsClass(node))
                        return ClassFor(node, DefaultName(node, field), parentName + Naming.Pascal(Naming.Singular(field)));
                    if (node.AdditionalProperties is not null)
                        return TypeRef.MapOf(Resolve(node.AdditionalProperties, Naming.Singular(field), parentName));
                    return TypeRef.Of(TypeKind.JsonObject);
                case null:
                    if (IsClass(node))
                        return ClassFor(node, DefaultName(node, field), parentName + Naming.Pascal(Naming.Singular(field)));
                    return TypeRef.Of(TypeKind.JsonNode);
                default:
                    throw new YamlException(node.Line, $"Unknown schema type '{node.Type}'.");
            }
        }

        private string DefaultName(SchemaNode node, string field) =>
            node.TypeName is { Length: > 0 } hint ? _kind + hint : _kind + Naming.Pascal(Naming.Singular(field));

        private TypeRef ClassFor(SchemaNode node, string preferred, string fallback)
        {
            var shape = "class:" + Shape(node);
            if (_byShape.TryGetValue(shape, out var existing))
                return existing;

            var name = !_taken.Contains(preferred) && !_taken.Contains(preferred + "Builder") ? preferred : fallback;
            name = Naming.Unique(name, _taken);
            _taken.Add(name + "Builder");
            var type = new TypeRef(TypeKind.Object, _namespace + "." + name, null);
            _byShape[shape] = type;

            // Parents come before their nested types in the output: keep the slot, fill it once the properties are named.
            var slot = _classes.Count;
            _classes.Add(null);
            var names = new HashSet<string>(ObjectMembers, StringComparer.Ordinal) { name };
            var properties = new List<PropertyModel>();
            foreach (var field in node.Properties)
            {
                var propertyType = Resolve(field.Value, field.Key, name);
                properties.Add(new PropertyModel(field.Key, Naming.Unique(Naming.Pascal(field.Key), names), propertyType, field.Value.Description, node.Required.Contains(field.Key), field.Value.Shortcuts.Where(s => Naming.Pascal(s) == s).ToEquatableArray()));
            }

            _classes[slot] = new ClassModel(name, node.Description, properties.ToEquatableArray());
            return type;
        }

        private TypeRef EnumFor(SchemaNode node, string field, string parentName)
        {
            var values = node.Enum.Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).ToList();
            var shape = "enum:" + string.Join("\u0001", values);
            if (_byShape.TryGetValue(shape, out var existing))
                return existing;

            var owner = parentName == _kind + "Spec" ? _kind : parentName;
            var preferred = node.TypeName is { Length: > 0 } hint ? _kind + hint : owner + Naming.Pascal(Naming.Singular(field));
            var name = Naming.Unique(preferred, _taken);
            var members = new HashSet<string>(StringComparer.Ordinal) { name };
            var model = new EnumModel(
                name,
                node.Description,
                values.Select(v => new EnumMemberModel(Naming.Unique(Naming.EnumMember(v), members), v)).ToEquatableArray());
            _enums.Add(model);
            var type = new TypeRef(TypeKind.Enum, _namespace + "." + name, null);
            _byShape[shape] = type;
            return type;
        }

        /// <summary>A text that is equal for two schema nodes exactly when they would generate the same type.</summary>
        private static string Shape(SchemaNode node)
        {
            var builder = new StringBuilder();
            AppendShape(node, builder);
            return builder.ToString();
        }

        private static void AppendShape(SchemaNode node, StringBuilder builder)
        {
            builder.Append('(').Append(node.Type).Append('|').Append(node.Format).Append('|').Append(node.ExternalType)
                .Append('|').Append(node.TypeName).Append('|').Append(node.IntOrString).Append('|').Append(node.PreserveUnknownFields)
                .Append("|e:").Append(string.Join(",", node.Enum)).Append("|r:").Append(string.Join(",", node.Required.OrderBy(r => r, StringComparer.Ordinal)));
            foreach (var field in node.Properties)
            {
                builder.Append("|p:").Append(field.Key).Append('=').Append(field.Value.Description?.Length).Append(':').Append(field.Value.Description);
                AppendShape(field.Value, builder);
            }

            if (node.Items is not null)
            {
                builder.Append("|i:");
                AppendShape(node.Items, builder);
            }

            if (node.AdditionalProperties is not null)
            {
                builder.Append("|a:");
                AppendShape(node.AdditionalProperties, builder);
            }

            builder.Append(')');
        }
    }
}
