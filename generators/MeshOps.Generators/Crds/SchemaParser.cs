using System;
using System.Collections.Generic;
using MeshOps.Generators.Crds.Yaml;

namespace MeshOps.Generators.Crds
{
    /// <summary>
    /// Turns the YAML of an <c>openAPIV3Schema</c> into <see cref="SchemaNode"/>s. With <c>allowShorthand</c> (the
    /// built-in schemas) a property may be a one-word type instead of a mapping: <c>string</c>, <c>integer</c>,
    /// <c>int32</c>, <c>int64</c>, <c>number</c>, <c>boolean</c>, <c>int-or-string</c>, <c>object</c> (schemaless),
    /// <c>any</c>, <c>enum(a|b)</c>, an existing enum's full name, <c>T[]</c> and <c>map&lt;T&gt;</c>.
    /// </summary>
    internal sealed class SchemaParser
    {
        private static readonly HashSet<string> StandardTypes = new(StringComparer.Ordinal)
        {
            "string", "integer", "number", "boolean", "object", "array",
        };

        private readonly bool _allowShorthand;

        public SchemaParser(bool allowShorthand) => _allowShorthand = allowShorthand;

        public SchemaNode Parse(YamlNode node)
        {
            if (node is YamlScalar scalar && _allowShorthand && !scalar.IsNull)
                return ParseShorthand(scalar.Value, scalar.Line);
            if (node is not YamlMapping mapping)
                throw new YamlException(node.Line, "A schema must be a mapping.");

            var schema = new SchemaNode(mapping.Line);
            foreach (var entry in mapping.Entries)
            {
                var value = entry.Value;
                switch (entry.Key.Value)
                {
                    case "type":
                        var type = Scalar(value, "type");
                        if (type is null)
                            break;
                        if (StandardTypes.Contains(type))
                            schema.Type = type;
                        else if (_allowShorthand)
                            Merge(schema, ParseShorthand(type, value.Line));
                        else
                            throw new YamlException(value.Line, $"Unknown schema type '{type}': expected string, integer, number, boolean, object or array.");
                        break;
                    case "format":
                        schema.Format = Scalar(value, "format");
                        break;
                    case "description":
                        schema.Description = Scalar(value, "description");
                        break;
                    case "properties":
                        if (value is YamlScalar { IsNull: true })
                            break;
                        if (value is not YamlMapping properties)
                            throw new YamlException(value.Line, "'properties' must be a mapping of field names to schemas.");
                        foreach (var property in properties.Entries)
                            schema.Properties.Add(new KeyValuePair<string, SchemaNode>(property.Key.Value, Parse(property.Value)));
                        break;
                    case "required":
                        foreach (var name in ScalarList(value, "required"))
                            schema.Required.Add(name);
                        break;
                    case "items":
                        schema.Items = Parse(value);
                        break;
                    case "additionalProperties":
                        if (value is YamlScalar flag)
                        {
                            if (flag.Value == "true")
                                schema.AdditionalProperties = new SchemaNode(flag.Line) { PreserveUnknownFields = true };
                            else if (flag.Value != "false" && !(_allowShorthand && !flag.IsNull))
                                throw new YamlException(flag.Line, "'additionalProperties' must be a schema, true or false.");
                            else if (flag.Value != "false")
                                schema.AdditionalProperties = ParseShorthand(flag.Value, flag.Line);
                        }
                        else
                        {
                            schema.AdditionalProperties = Parse(value);
                        }

                        break;
                    case "enum":
                        schema.Enum.AddRange(ScalarList(value, "enum"));
                        break;
                    case "x-kubernetes-int-or-string":
                        schema.IntOrString = Scalar(value, entry.Key.Value) == "true";
                        break;
                    case "x-kubernetes-preserve-unknown-fields":
                        schema.PreserveUnknownFields = Scalar(value, entry.Key.Value) == "true";
                        break;
                    case "x-meshops-type":
                        schema.ExternalType = Scalar(value, entry.Key.Value);
                        break;
                    case "x-meshops-shortcuts":
                        schema.Shortcuts.AddRange(ScalarList(value, entry.Key.Value));
                        break;
                    case "x-meshops-name":
                        schema.TypeName = Scalar(value, entry.Key.Value);
                        break;
                }
            }

            return schema;
        }

        private static void Merge(SchemaNode target, SchemaNode shorthand)
        {
            target.Type = shorthand.Type;
            target.Format = shorthand.Format;
            target.Items = shorthand.Items;
            target.AdditionalProperties = shorthand.AdditionalProperties;
            target.Enum.AddRange(shorthand.Enum);
            target.IntOrString = shorthand.IntOrString;
            target.PreserveUnknownFields = shorthand.PreserveUnknownFields;
            target.ExternalType = shorthand.ExternalType;
        }

        private static SchemaNode ParseShorthand(string text, int line)
        {
            var node = new SchemaNode(line);
            if (text.EndsWith("[]", StringComparison.Ordinal))
            {
                node.Type = "array";
                node.Items = ParseShorthand(text.Substring(0, text.Length - 2), line);
                return node;
            }

            if (text.StartsWith("map<", StringComparison.Ordinal) && text.EndsWith(">", StringComparison.Ordinal))
            {
                node.Type = "object";
                node.AdditionalProperties = ParseShorthand(text.Substring(4, text.Length - 5), line);
                return node;
            }

            if (text.StartsWith("enum(", StringComparison.Ordinal) && text.EndsWith(")", StringComparison.Ordinal))
            {
                node.Type = "string";
                node.Enum.AddRange(text.Substring(5, text.Length - 6).Split('|'));
                return node;
            }

            switch (text)
            {
                case "string":
                case "integer":
                case "number":
                case "boolean":
                    node.Type = text;
                    return node;
                case "int32":
                case "int64":
                    node.Type = "integer";
                    node.Format = text;
                    return node;
                case "int-or-string":
                    node.IntOrString = true;
                    return node;
                case "object":
                    node.Type = "object";
                    node.PreserveUnknownFields = true;
                    return node;
                case "any":
                    node.PreserveUnknownFields = true;
                    return node;
            }

            if (text.IndexOf('.') > 0 && char.IsUpper(text[0]))
            {
                node.Type = "string";
                node.ExternalType = text;
                return node;
            }

            throw new YamlException(line, $"Unknown type shorthand '{text}'.");
        }

        private static string? Scalar(YamlNode node, string key)
        {
            if (node is not YamlScalar scalar)
                throw new YamlException(node.Line, $"'{key}' must be a single value.");
            return scalar.IsNull ? null : scalar.Value;
        }

        private static List<string> ScalarList(YamlNode node, string key)
        {
            var values = new List<string>();
            if (node is YamlScalar { IsNull: true })
                return values;
            if (node is not YamlSequence sequence)
                throw new YamlException(node.Line, $"'{key}' must be a list.");
            foreach (var item in sequence.Items)
            {
                if (item is not YamlScalar scalar)
                    throw new YamlException(item.Line, $"'{key}' entries must be single values.");
                values.Add(scalar.Value);
            }

            return values;
        }
    }
}
