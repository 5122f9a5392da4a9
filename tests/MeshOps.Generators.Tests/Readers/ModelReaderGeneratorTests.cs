using System.Text.RegularExpressions;
using MeshOps.Generators.Readers;
using MeshOps.Generators.Tests.Crds;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace MeshOps.Generators.Tests.Readers;

/// <summary>
/// Drives the real <see cref="ModelReaderGenerator"/> through <see cref="CSharpGeneratorDriver"/> over small System.Text.Json
/// models and checks the generated text. The generated code refers to the SDK's parsed-YAML types, which the test
/// compilation does not have, so it is read, not compiled.
/// </summary>
public sealed class ModelReaderGeneratorTests
{
    private const string Node = "global::MeshOps.Sources.Files.Yaml.ParsedNode";

    /// <summary>The SDK's attribute, as the generator finds it by metadata name.</summary>
    private const string AttributeSource = """
        namespace MeshOps.Sources.Files
        {
            internal sealed class ModelReaderRootsAttribute : System.Attribute
            {
                public ModelReaderRootsAttribute(params System.Type[] roots) { }
            }
        }
        """;

    [Fact]
    public void Each_property_kind_gets_its_reader_and_the_root_is_dispatched_by_metadata_name()
    {
        var generated = Generate("""
            public sealed class Root
            {
                [JsonPropertyName("name")] public string? Name { get; set; }
                [JsonPropertyName("replicas")] public int Replicas { get; set; }
                [JsonPropertyName("revision")] public long? Revision { get; set; }
                [JsonPropertyName("enabled")] public bool? Enabled { get; set; }
                [JsonPropertyName("tags")] public IList<string>? Tags { get; set; }
                [JsonPropertyName("labels")] public IDictionary<string, string>? Labels { get; set; }
                [JsonPropertyName("spec")] public Spec? Spec { get; set; }
                [JsonPropertyName("ports")] public IList<Port>? Ports { get; set; }
            }

            public sealed class Spec
            {
                [JsonPropertyName("image")] public string? Image { get; set; }
            }

            public sealed class Port
            {
                [JsonPropertyName("number")] public int Number { get; set; }
            }
            """);

        var root = ReaderOf(generated, "Root");
        Assert.Contains("var result = new global::Shop.Models.Root();", root, StringComparison.Ordinal);
        Assert.Contains("case \"name\": result.Name = ReadString(value); break;", root, StringComparison.Ordinal);
        Assert.Contains("case \"replicas\": result.Replicas = ReadInt32(value); break;", root, StringComparison.Ordinal);
        Assert.Contains("case \"revision\": result.Revision = ReadNullableInt64(value); break;", root, StringComparison.Ordinal);
        Assert.Contains("case \"enabled\": result.Enabled = ReadNullableBoolean(value); break;", root, StringComparison.Ordinal);

        var tags = MethodCalledFor(root, "tags", "Tags");
        Assert.Contains("list.Add(ReadString(items[i]));",
            Block(generated, $"private static global::System.Collections.Generic.List<string> {tags}({Node} node)"), StringComparison.Ordinal);

        var labels = MethodCalledFor(root, "labels", "Labels");
        Assert.Contains("dictionary[entries[i].Key] = ReadString(entries[i].Value);",
            Block(generated, $"private static global::System.Collections.Generic.Dictionary<string, string> {labels}({Node} node)"), StringComparison.Ordinal);

        Assert.Equal(ReaderName(generated, "Spec"), MethodCalledFor(root, "spec", "Spec"));
        Assert.Contains("case \"image\": result.Image = ReadString(value); break;", ReaderOf(generated, "Spec"), StringComparison.Ordinal);

        var ports = MethodCalledFor(root, "ports", "Ports");
        Assert.Contains($"list.Add({ReaderName(generated, "Port")}(items[i]));",
            Block(generated, $"private static global::System.Collections.Generic.List<global::Shop.Models.Port> {ports}({Node} node)"), StringComparison.Ordinal);
        Assert.Contains("case \"number\": result.Number = ReadInt32(value); break;", ReaderOf(generated, "Port"), StringComparison.Ordinal);

        var dispatch = Block(generated, "private static partial bool TryReadRoot(");
        Assert.Contains($"case \"Shop.Models.Root\": model = {ReaderName(generated, "Root")}(node); return true;", dispatch, StringComparison.Ordinal);
        Assert.DoesNotContain("Shop.Models.Spec", dispatch, StringComparison.Ordinal);
        Assert.DoesNotContain("Shop.Models.Port", dispatch, StringComparison.Ordinal);
    }

    [Fact]
    public void Dates_byte_arrays_and_objects_hand_the_document_over_unless_null()
    {
        var root = ReaderOf(Generate("""
            public sealed class Root
            {
                [JsonPropertyName("name")] public string? Name { get; set; }
                [JsonPropertyName("createdAt")] public DateTime? CreatedAt { get; set; }
                [JsonPropertyName("payload")] public byte[]? Payload { get; set; }
                [JsonPropertyName("data")] public object? Data { get; set; }
                [JsonPropertyName("updatedAt")] public DateTime UpdatedAt { get; set; }
            }
            """), "Root");

        // System.Text.Json sets a null into a nullable or reference property without asking a converter: so do the readers
        // (kubectl writes creationTimestamp: null on every object it creates with --dry-run -o yaml).
        Assert.Contains("case \"createdAt\": if (!IsNull(value)) throw Unreadable(); result.CreatedAt = null; break;", root, StringComparison.Ordinal);
        Assert.Contains("case \"payload\": if (!IsNull(value)) throw Unreadable(); result.Payload = null; break;", root, StringComparison.Ordinal);
        Assert.Contains("case \"data\": if (!IsNull(value)) throw Unreadable(); result.Data = null; break;", root, StringComparison.Ordinal);
        // A null into a non-nullable value is an error only System.Text.Json words.
        Assert.Contains("case \"updatedAt\": throw Unreadable();", root, StringComparison.Ordinal);

        // Only a document that sets those fields is handed over: the class itself stays readable.
        Assert.Contains("case \"name\": result.Name = ReadString(value); break;", root, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_the_lenient_consul_enum_converter_is_copied_from_a_property_level_converter()
    {
        var root = ReaderOf(Generate("""
            public enum WireProtocol { Http, Grpc }

            public sealed class Root
            {
                [JsonPropertyName("protocol")]
                [JsonConverter(typeof(MeshOps.Consul.LenientConsulEnumConverter<WireProtocol>))]
                public WireProtocol? Protocol { get; set; }

                [JsonPropertyName("mode")]
                [JsonConverter(typeof(JsonStringEnumConverter<WireProtocol>))]
                public WireProtocol Mode { get; set; }

                [JsonPropertyName("label")]
                [JsonConverter(typeof(UpperCaseConverter))]
                public string? Label { get; set; }
            }

            public sealed class UpperCaseConverter : JsonConverter<string>
            {
                public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetString()?.ToUpperInvariant();

                public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
            }
            """), "Root");

        Assert.Contains(
            "case \"protocol\": result.Protocol = global::MeshOps.Consul.ConsulEnum<global::Shop.Models.WireProtocol>.Parse(TextOrNull(value)); break;",
            root, StringComparison.Ordinal);
        Assert.Contains("case \"mode\": throw Unreadable();", root, StringComparison.Ordinal);
        Assert.Contains("case \"label\": throw Unreadable();", root, StringComparison.Ordinal);
    }

    /// <summary>Classes System.Text.Json builds or fills in a way the reader does not copy, one per reason.</summary>
    private const string UnreadableModels = """
        public sealed class Root
        {
            [JsonPropertyName("name")] public string? Name { get; set; }
            [JsonPropertyName("initOnly")] public InitOnly? InitOnly { get; set; }
            [JsonPropertyName("parameterized")] public ConstructorWithParameters? Parameterized { get; set; }
            [JsonPropertyName("required")] public RequiredMember? Required { get; set; }
            [JsonPropertyName("jsonRequired")] public JsonRequiredMember? JsonRequired { get; set; }
            [JsonPropertyName("jsonConstructor")] public JsonConstructorMarked? JsonConstructor { get; set; }
            [JsonPropertyName("privateSetter")] public PrivateSetter? PrivateSetter { get; set; }
            [JsonPropertyName("noJsonName")] public NoJsonName? NoJsonName { get; set; }
            [JsonPropertyName("polymorphic")] public Polymorphic? Polymorphic { get; set; }
            [JsonPropertyName("includedField")] public IncludedField? IncludedField { get; set; }
            [JsonPropertyName("setOnly")] public SetOnly? SetOnly { get; set; }
            [JsonPropertyName("sameJsonName")] public SameJsonName? SameJsonName { get; set; }
            [JsonPropertyName("ordered")] public Ordered? Ordered { get; set; }
        }

        [JsonPolymorphic]
        [JsonDerivedType(typeof(Polymorphic), "base")]
        public class Polymorphic
        {
            [JsonPropertyName("name")] public string? Name { get; set; }
        }

        public sealed class IncludedField
        {
            [JsonInclude, JsonPropertyName("name")] public string? Name;
        }

        public sealed class SetOnly
        {
            private string? name;

            [JsonPropertyName("name")] public string? Name { set => name = value; }

            public override string? ToString() => name;
        }

        public sealed class SameJsonName
        {
            [JsonPropertyName("name")] public string? First { get; set; }
            [JsonPropertyName("name")] public string? Second { get; set; }
        }

        public sealed class Ordered
        {
            [JsonPropertyOrder(-1), JsonPropertyName("name")] public string? Name { get; set; }
        }

        public sealed class InitOnly
        {
            [JsonPropertyName("name")] public string? Name { get; init; }
        }

        public sealed class ConstructorWithParameters
        {
            public ConstructorWithParameters(string name) => Name = name;

            [JsonPropertyName("name")] public string Name { get; set; }
        }

        public sealed class RequiredMember
        {
            [JsonPropertyName("name")] public required string Name { get; set; }
        }

        public sealed class JsonRequiredMember
        {
            [JsonRequired, JsonPropertyName("name")] public string? Name { get; set; }
        }

        public sealed class JsonConstructorMarked
        {
            public JsonConstructorMarked()
            {
            }

            [JsonConstructor]
            public JsonConstructorMarked(string? name) => Name = name;

            [JsonPropertyName("name")] public string? Name { get; set; }
        }

        public sealed class PrivateSetter
        {
            [JsonPropertyName("name")] public string? Name { get; private set; }
        }

        public sealed class NoJsonName
        {
            public string? Name { get; set; }
        }
        """;

    [Theory]
    [InlineData("InitOnly")]
    [InlineData("ConstructorWithParameters")]
    [InlineData("RequiredMember")]
    [InlineData("JsonRequiredMember")]
    [InlineData("JsonConstructorMarked")]
    [InlineData("PrivateSetter")]
    [InlineData("NoJsonName")]
    [InlineData("Polymorphic")]
    [InlineData("IncludedField")]
    [InlineData("SetOnly")]
    [InlineData("SameJsonName")]
    [InlineData("Ordered")]
    public void A_class_System_Text_Json_builds_differently_is_unreadable_and_has_no_property_table(string model)
    {
        var generated = Generate(UnreadableModels);

        Assert.Matches(
            $@"^\s*private static global::Shop\.Models\.{model} ReadM\d+\({Regex.Escape(Node)} node\) => throw Unreadable\(\);$",
            ReaderOf(generated, model));
        var table = PropertyTable(generated);
        Assert.DoesNotContain($"case \"Shop.Models.{model}\":", table, StringComparison.Ordinal);

        // The class that reaches them is still read, and still listed.
        Assert.Contains("var result = new global::Shop.Models.Root();", ReaderOf(generated, "Root"), StringComparison.Ordinal);
        Assert.Contains("case \"Shop.Models.Root\":", table, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_keys_are_handed_over_where_System_Text_Json_refuses_them()
    {
        var root = ReaderOf(Generate("""
            [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
            public sealed class Root
            {
                [JsonPropertyName("name")] public string? Name { get; set; }
            }
            """), "Root");

        Assert.Contains("default: throw Unreadable();", root, StringComparison.Ordinal);
    }

    [Fact]
    public void A_property_ignored_when_reading_is_left_out()
    {
        var root = ReaderOf(Generate("""
            public sealed class Root
            {
                [JsonPropertyName("name")] public string? Name { get; set; }
                [JsonIgnore(Condition = JsonIgnoreCondition.WhenReading), JsonPropertyName("computed")] public string? Computed { get; set; }
            }
            """), "Root");

        Assert.DoesNotContain("\"computed\"", root, StringComparison.Ordinal);
        Assert.Contains("case \"name\":", root, StringComparison.Ordinal);
    }

    [Fact]
    public void A_collection_class_is_not_read_as_an_object()
    {
        var root = ReaderOf(Generate("""
            public sealed class Root
            {
                [JsonPropertyName("names")] public Names? Names { get; set; }
            }

            public sealed class Names : List<string>
            {
            }
            """), "Root");

        Assert.Contains("case \"names\": if (!IsNull(value)) throw Unreadable(); result.Names = null; break;", root, StringComparison.Ordinal);
    }

    [Fact]
    public void A_keyword_named_property_is_escaped_and_a_root_named_twice_is_dispatched_once()
    {
        var generated = Generate("""
            public sealed class Root
            {
                [JsonPropertyName("default")] public string? @default { get; set; }
            }
            """, "Root", "Root");

        Assert.Contains("case \"default\": result.@default = ReadString(value); break;", ReaderOf(generated, "Root"), StringComparison.Ordinal);
        Assert.Single(Regex.Matches(generated, @"case ""Shop\.Models\.Root"": model = "));
    }

    [Fact]
    public void A_class_with_extension_data_hands_over_unknown_keys_and_others_skip_them()
    {
        var generated = Generate("""
            public sealed class Root
            {
                [JsonPropertyName("extras")] public WithExtras? Extras { get; set; }
            }

            public sealed class WithExtras
            {
                [JsonPropertyName("name")] public string? Name { get; set; }
                [JsonExtensionData] public IDictionary<string, JsonElement>? Unknown { get; set; }
            }
            """);

        var withExtras = ReaderOf(generated, "WithExtras");
        Assert.Contains("default: throw Unreadable();", withExtras, StringComparison.Ordinal);
        Assert.DoesNotContain("default: break;", withExtras, StringComparison.Ordinal);
        Assert.Contains("case \"name\": result.Name = ReadString(value); break;", withExtras, StringComparison.Ordinal);
        Assert.DoesNotContain("Unknown", withExtras, StringComparison.Ordinal);

        var root = ReaderOf(generated, "Root");
        Assert.Contains("default: break;", root, StringComparison.Ordinal);
        Assert.DoesNotContain("default: throw Unreadable();", root, StringComparison.Ordinal);
    }

    [Fact]
    public void An_ignored_property_is_left_out_and_a_conditionally_ignored_one_is_read()
    {
        var generated = Generate("""
            public sealed class Root
            {
                [JsonPropertyName("name")] public string? Name { get; set; }
                [JsonIgnore, JsonPropertyName("secret")] public string? Secret { get; set; }
                [JsonIgnore(Condition = JsonIgnoreCondition.Always), JsonPropertyName("hidden")] public IList<string>? Hidden { get; set; }
                [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), JsonPropertyName("note")] public string? Note { get; set; }
                [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault), JsonPropertyName("items")] public IList<string>? Items { get; set; }
            }
            """);

        Assert.DoesNotContain("\"secret\"", generated, StringComparison.Ordinal);
        Assert.DoesNotContain("\"hidden\"", generated, StringComparison.Ordinal);
        Assert.DoesNotContain(".Secret", generated, StringComparison.Ordinal);
        Assert.DoesNotContain(".Hidden", generated, StringComparison.Ordinal);

        var root = ReaderOf(generated, "Root");
        Assert.Contains("case \"note\": result.Note = ReadString(value); break;", root, StringComparison.Ordinal);
        Assert.Matches(@"case ""items"": result\.Items = ReadList\d+\(value\); break;", root);
        Assert.Equal(new[] { ("Items", "items") }, TableEntries(generated, "Root"));
    }

    [Fact]
    public void An_ignored_property_needs_no_json_name_or_setter()
    {
        var generated = Generate("""
            public sealed class Root
            {
                [JsonPropertyName("name")] public string? Name { get; set; }
                [JsonIgnore] public string? Cache { get; set; }
                [JsonIgnore] public bool IsNamed => Name is not null;
            }
            """);

        Assert.Contains("case \"name\": result.Name = ReadString(value); break;", ReaderOf(generated, "Root"), StringComparison.Ordinal);
        Assert.Contains("case \"Shop.Models.Root\":", PropertyTable(generated), StringComparison.Ordinal);
    }

    [Fact]
    public void A_cycle_of_classes_terminates_and_emits_each_class_once()
    {
        var generated = Generate("""
            public sealed class A
            {
                [JsonPropertyName("b")] public B? B { get; set; }
            }

            public sealed class B
            {
                [JsonPropertyName("a")] public A? A { get; set; }
                [JsonPropertyName("children")] public IList<B>? Children { get; set; }
            }
            """, "A");

        Assert.Single(Regex.Matches(generated, @"private static global::Shop\.Models\.A ReadM\d+\("));
        Assert.Single(Regex.Matches(generated, @"private static global::Shop\.Models\.B ReadM\d+\("));
        Assert.Single(Regex.Matches(generated, @"private static global::System\.Collections\.Generic\.List<global::Shop\.Models\.B> ReadList\d+\("));

        var a = ReaderName(generated, "A");
        var b = ReaderName(generated, "B");
        Assert.Equal(b, MethodCalledFor(ReaderOf(generated, "A"), "b", "B"));
        Assert.Equal(a, MethodCalledFor(ReaderOf(generated, "B"), "a", "A"));
        var children = MethodCalledFor(ReaderOf(generated, "B"), "children", "Children");
        Assert.Contains($"list.Add({b}(items[i]));",
            Block(generated, $"private static global::System.Collections.Generic.List<global::Shop.Models.B> {children}({Node} node)"), StringComparison.Ordinal);

        var table = PropertyTable(generated);
        Assert.Single(Regex.Matches(table, Regex.Escape("case \"Shop.Models.A\":")));
        Assert.Single(Regex.Matches(table, Regex.Escape("case \"Shop.Models.B\":")));
    }

    [Fact]
    public void The_property_table_lists_the_properties_that_may_hold_objects_in_declaration_order_by_json_name()
    {
        var generated = Generate("""
            public sealed class Root
            {
                [JsonPropertyName("name")] public string? Name { get; set; }
                [JsonPropertyName("tags")] public IList<string>? Tags { get; set; }
                [JsonPropertyName("count")] public int Count { get; set; }
                [JsonPropertyName("spec")] public Spec? Spec { get; set; }
                [JsonPropertyName("ratio")] public double Ratio { get; set; }
                [JsonPropertyName("revision")] public long? Revision { get; set; }
                [JsonPropertyName("enabled")] public bool Enabled { get; set; }
                [JsonPropertyName("metadata-labels")] public IDictionary<string, string>? Labels { get; set; }
                [JsonPropertyName("createdAt")] public DateTime? CreatedAt { get; set; }
            }

            public sealed class Spec
            {
                [JsonPropertyName("image")] public string? Image { get; set; }
            }
            """);

        // As the reflection fallback in InvalidObjects: references other than text (values, Nullable<T> included, hold
        // nothing to walk).
        Assert.Equal(
            new[] { ("Tags", "tags"), ("Spec", "spec"), ("Labels", "metadata-labels") },
            TableEntries(generated, "Root"));
        Assert.Empty(TableEntries(generated, "Spec"));
    }

    [Fact]
    public void Base_class_properties_are_read()
    {
        var generated = Generate("""
            public class Resource
            {
                [JsonPropertyName("kind")] public string? Kind { get; set; }
            }

            public sealed class Root : Resource
            {
                [JsonPropertyName("name")] public string? Name { get; set; }
            }
            """);

        var root = ReaderOf(generated, "Root");
        Assert.Contains("case \"kind\": result.Kind = ReadString(value); break;", root, StringComparison.Ordinal);
        Assert.Contains("case \"name\": result.Name = ReadString(value); break;", root, StringComparison.Ordinal);
    }

    [Fact]
    public void Inherited_properties_are_listed_in_System_Text_Json_order_derived_class_first()
    {
        var generated = Generate("""
            public class Resource
            {
                [JsonPropertyName("kind")] public IList<string>? Kind { get; set; }
            }

            public sealed class Root : Resource
            {
                [JsonPropertyName("name")] public IList<string>? Name { get; set; }
            }
            """);

        // JsonSerializerOptions.Default.GetTypeInfo(typeof(Root)).Properties lists name, kind: the reflection fallback's order.
        Assert.Equal(new[] { ("Name", "name"), ("Kind", "kind") }, TableEntries(generated, "Root"));
    }

    [Theory]
    [InlineData("Overriding")]
    [InlineData("Hiding")]
    public void A_property_redeclared_in_a_derived_class_is_read_once(string model)
    {
        var generated = Generate("""
            public class Resource
            {
                [JsonPropertyName("name")] public virtual string? Name { get; set; }
                [JsonPropertyName("tags")] public IList<string>? Tags { get; set; }
            }

            public sealed class Overriding : Resource
            {
                [JsonPropertyName("name")] public override string? Name { get; set; }
            }

            public sealed class Hiding : Resource
            {
                [JsonPropertyName("tags")] public new IList<string>? Tags { get; set; }
            }
            """, "Overriding", "Hiding");

        // System.Text.Json lists the most derived declaration only; two labels for one key would not compile (CS0152).
        var reader = ReaderOf(generated, model);
        Assert.Single(Regex.Matches(reader, Regex.Escape("case \"name\":")));
        Assert.Single(Regex.Matches(reader, Regex.Escape("case \"tags\":")));
        Assert.Single(TableEntries(generated, model));
    }

    [Fact]
    public void Nothing_is_generated_without_the_attribute()
    {
        var compilation = GeneratorHarness.Compilation(AttributeSource, Models("""
            public sealed class Root
            {
                [JsonPropertyName("name")] public string? Name { get; set; }
            }
            """));

        var result = Assert.Single(Driver().RunGenerators(compilation).GetRunResult().Results);

        Assert.Null(result.Exception);
        Assert.Empty(result.GeneratedSources);
    }

    [Fact]
    public void An_unrelated_new_file_leaves_the_graph_step_cached_or_unchanged()
    {
        var compilation = InputCompilation(IncrementalModels, ["Root"]);
        var driver = Driver().RunGenerators(compilation);
        Assert.Single(driver.GetRunResult().GeneratedTrees);
        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(
            "namespace Shop.Other { public static class Unrelated { public static int One() => 1; } }", GeneratorHarness.ParseOptions, path: "Unrelated.cs"));

        var result = Assert.Single(driver.RunGenerators(edited).GetRunResult().Results);

        Assert.Null(result.Exception);
        Assert.True(result.TrackedSteps.ContainsKey(TrackingNames.Readers.Graphs), $"step {TrackingNames.Readers.Graphs} is not tracked");
        var reasons = result.TrackedSteps[TrackingNames.Readers.Graphs].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.NotEmpty(reasons);
        Assert.All(reasons, reason => Assert.True(
            reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{TrackingNames.Readers.Graphs} ran with {reason}"));
        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), output => Assert.True(
            output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"the source output ran with {output.Reason}"));
    }

    [Fact]
    public void The_graph_model_holds_no_roslyn_objects_or_collections_compared_by_reference()
    {
        var result = Assert.Single(Driver().RunGenerators(InputCompilation(IncrementalModels, ["Root"])).GetRunResult().Results);

        var walk = ModelWalker.Walk(result, [TrackingNames.Readers.Graphs]);

        Assert.True(walk.Problems.Count == 0, walk.Describe());
        Assert.True(walk.Walked > 10, $"Only {walk.Walked} objects were walked: the walk does not reach the model.");
    }

    private const string IncrementalModels = """
        public sealed class Root
        {
            [JsonPropertyName("name")] public string? Name { get; set; }
            [JsonPropertyName("tags")] public IList<string>? Tags { get; set; }
            [JsonPropertyName("spec")] public Spec? Spec { get; set; }
        }

        public sealed class Spec
        {
            [JsonPropertyName("labels")] public IDictionary<string, string>? Labels { get; set; }
        }
        """;

    private static GeneratorDriver Driver() =>
        CSharpGeneratorDriver.Create(
            [new ModelReaderGenerator().AsSourceGenerator()],
            parseOptions: GeneratorHarness.ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>The attribute, <c>[ModelReaderRoots(typeof(Shop.Models.Root), ...)] Shop.Readers</c> and the models, which must compile.</summary>
    private static Compilation InputCompilation(string models, string[] roots)
    {
        var readers = $$"""
            using MeshOps.Sources.Files;

            namespace Shop
            {
                [ModelReaderRoots({{string.Join(", ", roots.Select(r => $"typeof(Shop.Models.{r})"))}})]
                internal static partial class Readers
                {
                }
            }
            """;
        var compilation = GeneratorHarness.Compilation(AttributeSource, readers, Models(models));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "The test input does not compile:" + Environment.NewLine + GeneratorHarness.Describe(errors));
        return compilation;
    }

    private static string Models(string body) => $$"""
        using System;
        using System.Collections.Generic;
        using System.Text.Json;
        using System.Text.Json.Serialization;

        namespace Shop.Models
        {
        {{body}}
        }
        """;

    /// <summary>Runs the generator once (bounded, so a generator that never ends fails instead of hanging) and returns its one file.</summary>
    private static string Generate(string models, params string[] roots)
    {
        var compilation = InputCompilation(models, roots.Length == 0 ? ["Root"] : roots);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));

        var result = Assert.Single(Driver().RunGenerators(compilation, timeout.Token).GetRunResult().Results);

        Assert.Null(result.Exception);
        Assert.Empty(result.Diagnostics);
        var source = Assert.Single(result.GeneratedSources);
        Assert.Equal("Shop.Readers.g.cs", source.HintName);
        return source.SourceText.ToString();
    }

    /// <summary>The read method that builds <c>Shop.Models.{model}</c>: its one line, or its lines through its closing brace.</summary>
    private static string ReaderOf(string generated, string model) => Block(generated, $"private static global::Shop.Models.{model} ReadM");

    /// <summary>The name of the read method that builds <c>Shop.Models.{model}</c>.</summary>
    private static string ReaderName(string generated, string model)
    {
        var match = Regex.Match(generated, $@"private static global::Shop\.Models\.{model} (?<method>ReadM\d+)\(");
        Assert.True(match.Success, $"No read method for {model} in:{Environment.NewLine}{generated}");
        return match.Groups["method"].Value;
    }

    /// <summary>The method a reader calls for one JSON key: <c>case "json": result.Property = Method(value); break;</c>.</summary>
    private static string MethodCalledFor(string reader, string jsonName, string property)
    {
        var match = Regex.Match(reader, $@"case ""{Regex.Escape(jsonName)}"": result\.{property} = (?<method>\w+)\(value\); break;");
        Assert.True(match.Success, $"No reader call for \"{jsonName}\" in:{Environment.NewLine}{reader}");
        return match.Groups["method"].Value;
    }

    private static string PropertyTable(string generated) => Block(generated, "private static partial (global::System.Func<object, object> Get, string Name)[] NonScalarPropertiesOf(");

    /// <summary>The (C# property, JSON name) pairs of one class's entry in NonScalarPropertiesOf, in order.</summary>
    private static List<(string Property, string JsonName)> TableEntries(string generated, string model) =>
        Regex.Matches(Block(PropertyTable(generated), $"case \"Shop.Models.{model}\":"),
                $@"\(static model => \(\(global::Shop\.Models\.{model}\)model\)\.(?<property>\w+), ""(?<json>[^""]*)""\),")
            .Select(m => (m.Groups["property"].Value, m.Groups["json"].Value))
            .ToList();

    /// <summary>
    /// The one line that starts (after indentation) with <paramref name="header"/>, and when it does not end the member
    /// with ';', every line after it through the '}' at its indentation.
    /// </summary>
    private static string Block(string text, string header)
    {
        var lines = text.Split('\n');
        var starts = Enumerable.Range(0, lines.Length).Where(i => lines[i].TrimStart().StartsWith(header, StringComparison.Ordinal)).ToList();
        Assert.True(starts.Count == 1, $"Expected one line starting with '{header}', found {starts.Count} in:{Environment.NewLine}{text}");
        var start = starts[0];
        if (lines[start].TrimEnd().EndsWith(';'))
            return lines[start];
        var indent = lines[start][..(lines[start].Length - lines[start].TrimStart().Length)];
        var end = Array.FindIndex(lines, start + 1, line => line == indent + "}");
        Assert.True(end > start, $"No closing brace for '{header}' in:{Environment.NewLine}{text}");
        return string.Join('\n', lines[start..(end + 1)]);
    }
}
