using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using MeshOps.Authoring;
using MeshOps.Consul;

namespace MeshOps.Generators.Tests.Crds;

/// <summary>
/// Resources built with the SDK's built-in builders, written as YAML by <see cref="ManifestYamlWriter"/> (what
/// <c>ToYaml()</c> gives users), are valid against the real consul-k8s CRD schema of their kind (JsonSchema.Net),
/// objects closed so a misspelt field fails.
/// </summary>
public sealed class SchemaValidationTests
{
    public static TheoryData<string, string> Kinds() => new()
    {
        { nameof(ServiceDefaults), "servicedefaults" },
        { nameof(ServiceIntentions), "serviceintentions" },
        { nameof(ProxyDefaults), "proxydefaults" },
        { nameof(Mesh), "meshes" },
        { nameof(ServiceResolver), "serviceresolvers" },
        { nameof(ServiceRouter), "servicerouters" },
        { nameof(ServiceSplitter), "servicesplitters" },
        { nameof(ExportedServices), "exportedservices" },
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Everything_the_builders_reach_validates_against_the_real_crd(string kind, string plural)
    {
        var type = typeof(ServiceDefaults).Assembly.GetType("MeshOps.Consul." + kind, throwOnError: true)!;
        var resource = BuilderFiller.BuildEverything(type);

        var json = YamlToJson.Convert(ManifestYamlWriter.Write([resource]));

        Assert.True(JsonNode.DeepEquals(BuilderFiller.ToJson(resource), json), $"The YAML does not read back as the object's JSON:{Environment.NewLine}{json.ToJsonString()}");
        Assert.Equal("consul.hashicorp.com/v1alpha1", (string?)json["apiVersion"]);
        Assert.Equal(kind, (string?)json["kind"]);
        // The singleton kinds are named as Consul requires; the others take the sample name given to Create.
        var singleton = kind switch { nameof(ProxyDefaults) => "global", nameof(Mesh) => "mesh", nameof(ExportedServices) => "default", _ => null };
        Assert.Equal(singleton ?? "sample-" + kind.ToLowerInvariant(), (string?)json["metadata"]?["name"]);
        AssertValid(plural, json);
    }

    [Fact]
    public void A_readable_service_intentions_validates_and_reads_as_written()
    {
        var intentions = ServiceIntentions.Create("products-api", destinationName: "products-api")
            .WithNamespace("default")
            .AddSource("public-api", s => s.Allow())
            .AddSource("frontend", s => s
                .AddPermission(IntentionAction.Allow, p => p.WithHttp(h => h.WithPathPrefix("/coffees").AddMethod(ServiceIntentionsHttpMethod.Get)))
                .AddPermission(IntentionAction.Deny))
            .AddSource("*", s => s.Deny())
            .Build();

        var json = BuilderFiller.ToJson(intentions);

        AssertValid("serviceintentions", json);
        Assert.Equal("products-api", (string?)json["spec"]!["destination"]!["name"]);
        Assert.Equal("allow", (string?)json["spec"]!["sources"]![0]!["action"]);
        Assert.Equal("GET", (string?)json["spec"]!["sources"]![1]!["permissions"]![0]!["http"]!["methods"]![0]);
        Assert.Null(json["spec"]!["sources"]![1]!["action"]);
        Assert.Equal("deny", (string?)json["spec"]!["sources"]![2]!["action"]);
    }

    [Fact]
    public void A_readable_service_defaults_validates_and_reads_as_written()
    {
        var defaults = ServiceDefaults.Create("products-api")
            .WithProtocol(MeshProtocol.Http)
            .WithMutualTLSMode(ServiceDefaultsMutualTLSMode.Strict)
            .WithMeshGateway(g => g.WithMode(ServiceDefaultsMeshGatewayMode.Local))
            .WithUpstreamConfig(u => u.AddOverride("postgres", o => o.WithProtocol(MeshProtocol.Tcp).WithConnectTimeoutMs(5000)))
            .Build();

        var json = BuilderFiller.ToJson(defaults);

        AssertValid("servicedefaults", json);
        Assert.Equal("http", (string?)json["spec"]!["protocol"]);
        Assert.Equal("strict", (string?)json["spec"]!["mutualTLSMode"]);
        Assert.Equal("local", (string?)json["spec"]!["meshGateway"]!["mode"]);
        Assert.Equal("tcp", (string?)json["spec"]!["upstreamConfig"]!["overrides"]![0]!["protocol"]);
        Assert.False(json["spec"]!.AsObject().ContainsKey("mode"));
    }

    [Fact]
    public void A_misspelt_field_fails_the_validation()
    {
        var json = BuilderFiller.ToJson(ServiceDefaults.Create("web").WithProtocol(MeshProtocol.Http).Build());
        json["spec"]!["protocl"] = "http";

        var results = Evaluate("servicedefaults", json);

        Assert.False(results.IsValid);
    }

    internal static void AssertValid(string plural, System.Text.Json.Nodes.JsonObject json)
    {
        var results = Evaluate(plural, json);
        var errors = (results.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"))
            .ToList();
        Assert.True(results.IsValid, $"{plural}: {json.ToJsonString()}{Environment.NewLine}{string.Join(Environment.NewLine, errors)}");
    }

    private static EvaluationResults Evaluate(string plural, System.Text.Json.Nodes.JsonObject json)
    {
        var schemaJson = CrdSchemas.Closed(CrdSchemas.OpenApiSchema(plural)).ToJsonString();
        var schema = JsonSchema.FromText(schemaJson, baseUri: new Uri($"https://meshops.test/crds/{plural}/{Guid.NewGuid():N}.json"));
        using var document = JsonDocument.Parse(json.ToJsonString());
        return schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
    }
}
