using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using MeshOps.Generators.Crds.Models;
using MeshOps.Generators.Crds.Yaml;

namespace MeshOps.Generators.Crds
{
    /// <summary>
    /// The Consul kinds the SDK ships (<c>MeshOps.Consul</c>), read from the schemas embedded under
    /// <c>Crds/BuiltIn</c>. Each file is <c>group</c>, <c>version</c>, <c>kind</c>, <c>description</c> and the
    /// <c>spec</c> schema, written from Consul's documented fields with type shorthands (see <see cref="SchemaParser"/>)
    /// and the enums Consul's validation fixes, which the real CRDs leave as plain strings.
    /// </summary>
    internal static class BuiltInKinds
    {
        public const string Namespace = "MeshOps.Consul";

        private const string ResourcePrefix = "MeshOps.Generators.Crds.BuiltIn.";

        public static EquatableArray<KindModel> Load()
        {
            var assembly = typeof(BuiltInKinds).Assembly;
            var resources = assembly.GetManifestResourceNames()
                .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".yaml", StringComparison.Ordinal))
                .OrderBy(n => n, StringComparer.Ordinal)
                .ToList();
            var kinds = new List<KindModel>();
            foreach (var resource in resources)
            {
                using var stream = assembly.GetManifestResourceStream(resource)!;
                using var reader = new StreamReader(stream);
                kinds.Add(Read(resource, reader.ReadToEnd()));
            }

            return kinds.ToEquatableArray();
        }

        /// <summary>Reads one built-in schema; a mistake in it is a bug in this assembly, so it throws with the line.</summary>
        public static KindModel Read(string name, string text)
        {
            try
            {
                var document = YamlReader.ReadDocuments(text).Single() as YamlMapping
                    ?? throw new YamlException(1, "A built-in schema must be a mapping.");
                var spec = new SchemaParser(allowShorthand: true).Parse(document.Get("spec") ?? throw new YamlException(document.Line, "No 'spec' schema."));
                var root = new SchemaNode(document.Line) { Type = "object", Description = CrdReader.ScalarOf(document.Get("description")) };
                root.Properties.Add(new KeyValuePair<string, SchemaNode>("spec", spec));
                return KindModelBuilder.Build(
                    Namespace,
                    CrdReader.RequiredScalar(document, "group"),
                    CrdReader.RequiredScalar(document, "version"),
                    CrdReader.RequiredScalar(document, "kind"),
                    root,
                    Array.Empty<string>(),
                    consulStatus: true);
            }
            catch (YamlException e)
            {
                throw new InvalidOperationException($"Built-in schema {name}, line {e.Line}: {e.Message}", e);
            }
        }
    }
}
