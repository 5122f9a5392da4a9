using System.Text.Json.Nodes;
using MeshOps.Authoring;
using MeshOps.Consul;

namespace MeshOps.Generators.Tests.Crds;

/// <summary>
/// What New-MeshIntention writes (<see cref="IntentionComposer"/>, then <see cref="ManifestYamlWriter"/>) is valid against
/// the real consul-k8s ServiceIntentions schema, L4 and L7, merged and not.
/// </summary>
public sealed class IntentionComposerSchemaTests
{
    [Fact]
    public void Composed_and_merged_intentions_validate_against_the_real_crd()
    {
        var l4 = IntentionComposer.Compose(new IntentionRequest("products-api", ["public-api"]) { Action = IntentionAction.Allow, Description = "reads" });
        var l7 = IntentionComposer.Compose(new IntentionRequest("products-api", ["frontend"])
        {
            PermissionAction = IntentionAction.Deny,
            Http = h => h.PathRegex("^/admin/.*").Methods(HttpMethod.Post, HttpMethod.Delete).Header("x-tenant", x => x.Exact("a")).Header("x-debug", x => x.Present()),
        }, l4);
        var denyAll = IntentionComposer.Compose(new IntentionRequest("*", ["*"]) { Action = IntentionAction.Deny });

        foreach (var intentions in new[] { l7, denyAll })
        {
            var json = YamlToJson.Convert(ManifestYamlWriter.Write([intentions]));

            SchemaValidationTests.AssertValid("serviceintentions", json);
            Assert.True(JsonNode.DeepEquals(BuilderFiller.ToJson(intentions), json), json.ToJsonString());
        }

        var merged = YamlToJson.Convert(ManifestYamlWriter.Write([l7]));
        Assert.Equal("allow", (string?)merged["spec"]!["sources"]![0]!["action"]);
        Assert.Null(merged["spec"]!["sources"]![1]!["action"]);
        Assert.Equal("deny", (string?)merged["spec"]!["sources"]![1]!["permissions"]![0]!["action"]);
        Assert.Equal("POST", (string?)merged["spec"]!["sources"]![1]!["permissions"]![0]!["http"]!["methods"]![0]);
    }
}
