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

    private const string Deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: api
        spec:
          template:
            metadata:
              labels: {app: api}
            spec:
              containers:
                - name: api
                  image: api:1
        """;

    public static TheoryData<string, string, bool> Documents => new()
    {
        // kubectl create --dry-run -o yaml writes this on every object.
        { "creationTimestamp: null", Deployment.Replace("  name: api\n", "  name: api\n  creationTimestamp: null\n", StringComparison.Ordinal), true },
        { "quantities as numbers and text", Deployment + "\n          resources:\n            limits: {cpu: 1, memory: 128Mi}\n            requests: {cpu: 0.5}", true },
        { "an emoji (a surrogate pair)", Deployment.Replace("  name: api\n", "  name: api\n  annotations: {note: \"ok \U0001F600\"}\n", StringComparison.Ordinal), true },
        { "anchors, aliases and a merge key", "apiVersion: v1\nkind: Service\nmetadata:\n  name: api\n  labels: &labels {app: api}\n  annotations:\n    <<: *labels\n    tier: web\nspec:\n  selector: *labels\n  ports: [{port: 80, targetPort: http}]\n", true },
        { "a hexadecimal port", "apiVersion: v1\nkind: Service\nmetadata: {name: api}\nspec:\n  ports: [{port: 0x50}]\n", true },
        { "a whole float where a port belongs", "apiVersion: v1\nkind: Service\nmetadata: {name: api}\nspec:\n  ports: [{port: 80.0}]\n", false },
        { "a fraction where a port belongs", "apiVersion: v1\nkind: Service\nmetadata: {name: api}\nspec:\n  ports: [{port: 1.5}]\n", false },
        { "infinity where a port belongs", "apiVersion: v1\nkind: Service\nmetadata: {name: api}\nspec:\n  ports: [{port: .inf}]\n", false },
        { "null where a port is required", "apiVersion: v1\nkind: Service\nmetadata: {name: api}\nspec:\n  ports: [{port: null}]\n", false },
        { "an unknown key on a Consul kind (kept as extension data)", "apiVersion: consul.hashicorp.com/v1alpha1\nkind: ServiceDefaults\nmetadata: {name: api}\nspec:\n  protocol: http\n  futureField: 1\n", false },
        { "an unknown key on a Kubernetes kind (skipped)", "apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: api}\nfutureField: {a: 1}\n", true },
        { "nesting near System.Text.Json's depth limit", "apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: api}\nextra: " + string.Concat(Enumerable.Repeat("[", 70)) + string.Concat(Enumerable.Repeat("]", 70)) + "\n", false },
        { "a quantity that is not one", Deployment + "\n          resources:\n            limits: {cpu: lots}", false },
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public void A_document_is_read_fast_or_handed_back_and_either_way_as_the_JSON_way_reads_it(string description, string yaml, bool fast)
    {
        var tally = new Tally();

        Compare(description, yaml, tally);

        Assert.Empty(tally.Failures);
        Assert.Equal(1, tally.Modelled);
        Assert.Equal(fast ? 1 : 0, tally.Generated);
    }

    [Fact]
    public void Every_modelled_kind_has_a_generated_reader()
    {
        // The kinds are listed twice, in KindRegistry and in [ModelReaderRoots]: a kind added to the first only would
        // still be read, the slow way, and a session's first command would pay System.Text.Json's start-up again.
        // Helm values are not a Kubernetes object and are read once per load, so the JSON way serves them.
        var withoutReader = KindRegistry.Kinds
            .Where(kind => kind.Type != typeof(MeshOps.Consul.Helm.ConsulHelmValues) && !GeneratedModelReader.Reads(kind.Type))
            .Select(kind => $"{kind.ApiVersion}/{kind.Kind}");

        Assert.Empty(withoutReader);
    }

    [Fact]
    public void The_readers_assumptions_about_the_JSON_options_hold()
    {
        var options = KindRegistry.MetadataOf(typeof(k8s.Models.V1Deployment)).Options;

        // Each of these, changed, would make System.Text.Json read a document differently from the generated readers.
        Assert.False(options.PropertyNameCaseInsensitive);
        Assert.False(options.RespectNullableAnnotations);
        Assert.Equal(System.Text.Json.Serialization.JsonUnmappedMemberHandling.Skip, options.UnmappedMemberHandling);
        Assert.Equal(System.Text.Json.Serialization.JsonObjectCreationHandling.Replace, options.PreferredObjectCreationHandling);
        Assert.Equal(System.Text.Json.Serialization.JsonNumberHandling.Strict, options.NumberHandling);
        Assert.True(options.AllowDuplicateProperties);
        Assert.Contains(options.MaxDepth, new[] { 0, 64 });
        Assert.Null(options.ReferenceHandler);

        // No converter of the options takes over a type the readers read.
        var read = ReadTypes().Concat([typeof(string), typeof(int), typeof(long), typeof(bool), typeof(int?), typeof(long?), typeof(bool?)]).ToList();
        foreach (var converter in options.Converters)
            Assert.DoesNotContain(read, type => converter.CanConvert(type));
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
        var missing = new List<string>();
        var walked = 0;
        foreach (var type in ReadTypes(missing))
        {
            walked++;
            var generated = GeneratedModelReader.NonScalarProperties(type)!;
            var metadata = KindRegistry.MetadataOf(type).Properties
                .Where(p => p.Get is not null && !p.PropertyType.IsValueType && p.PropertyType != typeof(string) && !p.IsExtensionData);
            Assert.Equal(metadata.Select(p => p.Name), generated.Select(p => p.Name));
        }

        Assert.True(walked > 100, $"only {walked} types walked");
        // ConsulStatus.Synced has no JSON name and no setter, so the class stays with System.Text.Json.
        Assert.Equal(["ConsulStatus"], missing);
    }

    /// <summary>Every class the generated readers build, found through the JSON metadata from the modelled kinds.</summary>
    private static List<Type> ReadTypes(List<string>? missing = null)
    {
        var found = new List<Type>();
        var seen = new HashSet<Type>();
        var pending = new Queue<Type>(KindRegistry.Kinds.Select(k => k.Type).Where(GeneratedModelReader.Reads));
        while (pending.Count > 0)
        {
            var type = pending.Dequeue();
            if (!seen.Add(type))
                continue;
            if (GeneratedModelReader.NonScalarProperties(type) is null)
            {
                missing?.Add(type.Name);
                continue;
            }

            found.Add(type);
            foreach (var property in KindRegistry.MetadataOf(type).Properties)
            {
                var item = property.PropertyType.IsGenericType ? property.PropertyType.GetGenericArguments()[^1] : property.PropertyType;
                if (item.IsClass && item.Namespace is "k8s.Models" or "MeshOps.Consul")
                    pending.Enqueue(item);
            }
        }

        return found;
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
