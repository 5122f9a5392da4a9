using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using MeshOps.Sources;
using MeshOps.Sources.Files;
using MeshOps.Sources.Files.Yaml;
using MeshOps.Tests.Analysis;
using MeshOps.Tests.Robustness;

namespace MeshOps.Tests.Sources;

/// <summary>
/// The generated readers (issue 14, first call) against the JSON way they stand in for: on every document they read,
/// the JSON way must read the same object; a document the JSON way refuses must be handed back, so its error is still
/// the JSON way's. Run over every reference manifest and every single-node mutation of HashiCups.
/// </summary>
public sealed class GeneratedModelReaderTests
{
    private static readonly LoaderOptions Options = new();

    [Fact]
    public void Every_reference_and_example_document_reads_as_the_JSON_way_reads_it()
    {
        var files = new[] { ReferenceData.Path(), RepoPaths.Combine("examples") }
            .SelectMany(root => Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories))
            .Where(path => path.EndsWith(".yaml", StringComparison.Ordinal) || path.EndsWith(".yml", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();

        var tally = new Tally();
        foreach (var file in files)
            Compare(file, File.ReadAllText(file), tally);

        Assert.True(tally.Failures.Count == 0, string.Join("\n", tally.Failures.Take(20)));
        // Most real documents go the fast way; if the generator stopped covering them, the first call would be slow again.
        Assert.True(tally.Modelled > 500, $"only {tally.Modelled} modelled documents found");
        Assert.True(tally.Generated * 10 >= tally.Modelled * 9, $"{tally.Generated} of {tally.Modelled} documents read by the generated readers");
    }

    [Fact]
    public void Every_healthy_HashiCups_document_is_read_by_the_generated_readers()
    {
        var tally = new Tally();
        foreach (var file in Directory.GetFiles(HashiCupsExample.HealthyFolder))
            Compare(file, File.ReadAllText(file), tally);

        Assert.Empty(tally.Failures);
        Assert.True(tally.Modelled >= 15, $"only {tally.Modelled} modelled documents");
        Assert.Equal(tally.Modelled, tally.Generated);
    }

    [Fact]
    public void Every_single_node_mutation_of_HashiCups_reads_as_the_JSON_way_reads_it()
    {
        var mutations = Directory.GetFiles(HashiCupsExample.HealthyFolder).Order(StringComparer.Ordinal)
            .SelectMany(path => YamlMutator.Of(Path.GetFileName(path), File.ReadAllText(path)))
            .ToList();

        var tally = new Tally();
        foreach (var mutation in mutations)
            Compare($"{mutation.File}:{mutation.Line} {mutation.Kind}", mutation.Text, tally);

        Assert.True(tally.Failures.Count == 0, string.Join("\n", tally.Failures.Take(20)));
        Assert.True(mutations.Count > 1000, $"only {mutations.Count} mutations");
        // Both ways are exercised: most variants read fast, and the wrong-typed ones are handed back.
        Assert.True(tally.Generated > tally.Modelled / 2, $"{tally.Generated} of {tally.Modelled}");
        Assert.True(tally.HandedBack > 100, $"only {tally.HandedBack} handed back");
    }

    [Fact]
    public void A_field_the_readers_do_not_copy_is_handed_back_and_read_the_JSON_way()
    {
        const string yaml = "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: api\n  creationTimestamp: \"2024-01-02T03:04:05Z\"\n";
        var root = (ParsedMapping)new YamlDocumentReader(YamlLimits.MaxDepth, Options.MaxNodesPerDocument).Read(yaml).Single().Root!;

        Assert.False(GeneratedModelReader.TryRead(typeof(k8s.Models.V1ServiceAccount), root, out _));
        var loaded = Assert.Single(ManifestLoader.LoadText(yaml, "sa.yaml").Resources);
        Assert.Equal(new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc), ((k8s.Models.V1ServiceAccount)loaded.Model!).Metadata.CreationTimestamp);
    }

    [Fact]
    public void A_wrong_type_is_reported_in_the_JSON_ways_words()
    {
        const string yaml = "apiVersion: v1\nkind: Service\nmetadata:\n  name: api\nspec:\n  ports:\n    - port: web\n";

        var error = Assert.Single(ManifestLoader.LoadText(yaml, "svc.yaml").Errors);

        Assert.Equal(LoadErrorIds.InvalidField, error.ErrorId);
        Assert.Equal(7, error.Location.Line);
        Assert.Contains("field 'spec.ports[0].port' has the wrong type or value: expected a whole number.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Generated_property_tables_match_the_JSON_metadata()
    {
        var types = KindRegistry.Kinds.Select(k => k.Type).Where(t => GeneratedModelReader.NonScalarProperties(t) is not null).ToList();
        var seen = new HashSet<Type>();
        var missing = new List<string>();
        var pending = new Queue<Type>(types);
        while (pending.Count > 0)
        {
            var type = pending.Dequeue();
            if (!seen.Add(type))
                continue;
            if (GeneratedModelReader.NonScalarProperties(type) is not { } generated)
            {
                missing.Add(type.Name);
                continue;
            }

            var metadata = KindRegistry.MetadataOf(type).Properties
                .Where(p => p.Get is not null && !p.PropertyType.IsPrimitive && p.PropertyType != typeof(string) && !p.IsExtensionData)
                .ToList();

            Assert.Equal(metadata.Select(p => p.Name), generated.Select(p => p.Name));
            foreach (var property in metadata)
            {
                var item = property.PropertyType.IsGenericType ? property.PropertyType.GetGenericArguments()[^1] : property.PropertyType;
                if (item.IsClass && item.Namespace is "k8s.Models" or "MeshOps.Consul")
                    pending.Enqueue(item);
            }
        }

        Assert.True(seen.Count > 100, $"only {seen.Count} types walked");
        // Classes System.Text.Json builds through a constructor with parameters keep their JSON metadata.
        Assert.Equal(["ConsulStatus"], missing);
    }

    private sealed class Tally
    {
        public List<string> Failures { get; } = [];

        public int Modelled { get; set; }

        public int Generated { get; set; }

        public int HandedBack { get; set; }
    }

    private static void Compare(string name, string text, Tally tally)
    {
        List<ParsedDocument> documents;
        try
        {
            documents = [.. new YamlDocumentReader(YamlLimits.MaxDepth, Options.MaxNodesPerDocument).Read(text)];
        }
        catch (Exception)
        {
            return;
        }

        foreach (var document in documents)
        {
            if (document.Root is not ParsedMapping root || root.GetString("apiVersion") is not { } apiVersion || root.GetString("kind") is not { } kind
                || KindRegistry.TypeOf(apiVersion, kind) is not { } type)
                continue;
            var transcoder = new JsonTranscoder(YamlLimits.MaxDepth, Options.MaxNodesPerDocument, Options.MaxExpandedCharsPerDocument);
            bool plain;
            try
            {
                plain = transcoder.Measure(root);
            }
            catch (RejectedDocumentException)
            {
                continue;
            }

            tally.Modelled++;
            var (viaJson, jsonError) = ReadViaJson(transcoder, root, apiVersion, kind);
            if (!plain || !GeneratedModelReader.TryRead(type, root, out var generated))
            {
                tally.HandedBack++;
                continue;
            }

            tally.Generated++;
            if (jsonError is not null)
                tally.Failures.Add($"{name} ({kind} at line {root.Line}): the generated reader read what the JSON way refuses: {jsonError}");
            else if (KindRegistry.Serialize(generated!) is var fast && KindRegistry.Serialize(viaJson!) is var json && fast != json)
                tally.Failures.Add($"{name} ({kind} at line {root.Line}): the two ways differ\n  generated: {fast}\n  JSON:      {json}");
        }
    }

    private static (object? Model, string? Error) ReadViaJson(JsonTranscoder transcoder, ParsedMapping root, string apiVersion, string kind)
    {
        var buffer = new ArrayBufferWriter<byte>();
        try
        {
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true }))
                transcoder.Write(writer, root);
            return (KindRegistry.Find(apiVersion, kind)!(buffer.WrittenSpan), null);
        }
        catch (Exception error)
        {
            return (null, $"{error.GetType().Name}: {error.Message}");
        }
    }
}
