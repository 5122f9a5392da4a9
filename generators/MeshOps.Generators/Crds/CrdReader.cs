using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using MeshOps.Generators.Crds.Models;
using MeshOps.Generators.Crds.Yaml;

namespace MeshOps.Generators.Crds
{
    /// <summary>
    /// Reads CustomResourceDefinition files into <see cref="KindModel"/>s. Per CRD it takes the storage version's
    /// <c>schema.openAPIV3Schema</c> (else the first served one). Any problem becomes a MESH801 diagnostic naming the
    /// file and line, never an exception: a bad CRD must not crash the user's build.
    /// </summary>
    internal static class CrdReader
    {
        /// <param name="namespaceForGroup">The C# namespace for a CRD group.</param>
        public static CrdFileModel Read(string path, string text, Func<string, string> namespaceForGroup, CancellationToken cancellationToken)
        {
            try
            {
                var documents = YamlReader.ReadDocuments(text);
                cancellationToken.ThrowIfCancellationRequested();
                var crds = documents.OfType<YamlMapping>().Where(d => ScalarOf(d.Get("kind")) == "CustomResourceDefinition").ToList();
                if (crds.Count == 0)
                {
                    var line = documents.Count > 0 ? documents[0].Line : 1;
                    return Failed(path, new CrdDiagnosticInfo(DiagnosticDescriptors.NoCrdInFileId, path, line, "the file holds no CustomResourceDefinition"));
                }

                var reserved = new HashSet<string>(StringComparer.Ordinal);
                foreach (var crd in crds)
                {
                    var kind = ScalarOf((Mapping(crd, "spec").Get("names") as YamlMapping)?.Get("kind"));
                    if (kind is not null)
                    {
                        reserved.Add(Naming.Pascal(kind));
                        reserved.Add(Naming.Pascal(kind) + "Builder");
                    }
                }

                var kinds = new List<KindModel>();
                foreach (var crd in crds)
                    kinds.Add(ReadCrd(crd, namespaceForGroup, reserved));
                return new CrdFileModel(path, kinds.ToEquatableArray(), EquatableArray<CrdDiagnosticInfo>.Empty);
            }
            catch (YamlException e)
            {
                return Failed(path, new CrdDiagnosticInfo(DiagnosticDescriptors.UnreadableCrdId, path, e.Line, e.Message));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return Failed(path, new CrdDiagnosticInfo(DiagnosticDescriptors.UnreadableCrdId, path, 1, e.GetType().Name + ": " + e.Message));
            }
        }

        private static CrdFileModel Failed(string path, CrdDiagnosticInfo diagnostic) =>
            new(path, EquatableArray<KindModel>.Empty, new[] { diagnostic }.ToEquatableArray());

        private static KindModel ReadCrd(YamlMapping crd, Func<string, string> namespaceForGroup, HashSet<string> reserved)
        {
            var spec = Mapping(crd, "spec");
            var group = RequiredScalar(spec, "group");
            var names = Mapping(spec, "names");
            var kind = RequiredScalar(names, "kind");
            if (Naming.Pascal(kind) != kind)
                throw new YamlException(names.Line, $"The kind '{kind}' is not a valid C# type name.");

            string version;
            YamlNode schemaNode;
            if (spec.Get("versions") is YamlSequence versions && versions.Items.Count > 0)
            {
                var chosen = versions.Items.OfType<YamlMapping>().FirstOrDefault(v => ScalarOf(v.Get("storage")) == "true")
                    ?? versions.Items.OfType<YamlMapping>().FirstOrDefault(v => ScalarOf(v.Get("served")) != "false")
                    ?? throw new YamlException(versions.Line, "No served version in spec.versions.");
                version = RequiredScalar(chosen, "name");
                schemaNode = chosen.Get("schema") is YamlMapping schema && schema.Get("openAPIV3Schema") is { } inVersion
                    ? inVersion
                    : (spec.Get("validation") as YamlMapping)?.Get("openAPIV3Schema")
                        ?? throw new YamlException(chosen.Line, $"Version '{version}' has no schema.openAPIV3Schema.");
            }
            else
            {
                version = RequiredScalar(spec, "version");
                schemaNode = (spec.Get("validation") as YamlMapping)?.Get("openAPIV3Schema")
                    ?? throw new YamlException(spec.Line, "The CRD has no spec.versions[].schema.openAPIV3Schema.");
            }

            var root = new SchemaParser(allowShorthand: false).Parse(schemaNode);
            return KindModelBuilder.Build(namespaceForGroup(group), group, version, kind, root, reserved);
        }

        internal static YamlMapping Mapping(YamlMapping parent, string key) =>
            parent.Get(key) as YamlMapping ?? throw new YamlException(parent.Line, $"Expected a mapping '{key}' here.");

        internal static string RequiredScalar(YamlMapping parent, string key) =>
            ScalarOf(parent.Get(key)) is { Length: > 0 } value ? value : throw new YamlException(parent.Line, $"Expected a value for '{key}' here.");

        internal static string? ScalarOf(YamlNode? node) => node is YamlScalar { IsNull: false } scalar ? scalar.Value : null;
    }
}
