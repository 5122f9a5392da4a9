using System.Text.Json.Nodes;
using MeshOps.Publishing;
using MeshOps.Sources.Files;

namespace MeshOps.Live.Tests.Publishing;

/// <summary>The applied resource against Consul's entry: only the fields applied, by Consul's names.</summary>
public sealed class ConsulEntryComparisonTests
{
    private static DesiredObject Frontend() =>
        DesiredObject.From(ManifestLoader.LoadText(PublishingYaml.FrontendIntention, "d.yaml").Resources[0].Model!, "default");

    private static JsonObject Entry(string action) => JsonNode.Parse($$"""
        {"Kind":"service-intentions","Name":"frontend","Sources":[{"Name":"nginx","Action":"{{action}}","Description":"from the test","Precedence":9,"Type":"consul"}],
         "Meta":{"external-source":"kubernetes"},"CreateIndex":10,"ModifyIndex":12}
        """)!.AsObject();

    [Fact]
    public void The_entry_of_a_ServiceIntentions_is_its_destination()
    {
        Assert.Equal(("service-intentions", "frontend"), ConsulEntryComparison.EntryOf(Frontend()));
    }

    [Fact]
    public void What_Consul_adds_is_no_difference()
    {
        Assert.Empty(ConsulEntryComparison.Differences(Frontend(), Entry("allow")));
    }

    [Fact]
    public void A_flipped_action_is_named_by_source_and_field_with_both_values()
    {
        var difference = Assert.Single(ConsulEntryComparison.Differences(Frontend(), Entry("deny")));

        Assert.Equal("Sources[nginx].Action", difference.Field);
        Assert.Equal("\"allow\"", difference.Applied);
        Assert.Equal("\"deny\"", difference.Consul);
    }

    [Fact]
    public void Sources_of_one_name_in_two_namespaces_are_paired_by_namespace_and_default_is_no_namespace()
    {
        const string yaml = """
            apiVersion: consul.hashicorp.com/v1alpha1
            kind: ServiceIntentions
            metadata:
              name: frontend
            spec:
              destination:
                name: frontend
              sources:
                - name: nginx
                  namespace: default
                  action: allow
                - name: nginx
                  namespace: edge
                  action: deny
            """;
        var desired = DesiredObject.From(ManifestLoader.LoadText(yaml, "d.yaml").Resources[0].Model!, "default");
        var entry = JsonNode.Parse("""
            {"Kind":"service-intentions","Name":"frontend","Sources":[
              {"Name":"nginx","Namespace":"edge","Action":"deny","Precedence":9,"Type":"consul"},
              {"Name":"nginx","Action":"allow","Precedence":9,"Type":"consul"}]}
            """)!.AsObject();

        Assert.Empty(ConsulEntryComparison.Differences(desired, entry));
    }

    [Fact]
    public void A_source_missing_from_Consul_is_a_difference()
    {
        var entry = Entry("allow");
        entry["Sources"] = new JsonArray();

        var missing = Assert.Single(ConsulEntryComparison.Differences(Frontend(), entry));
        Assert.Equal("Sources[nginx]", missing.Field);
        Assert.Equal("(unset)", missing.Consul);
    }

    [Fact]
    public void A_source_that_another_field_manager_applied_beside_ours_is_no_difference()
    {
        // Server-side apply merges the sources list by name: the resource, and so Consul's entry, holds both managers' sources.
        var entry = Entry("allow");
        ((JsonArray)entry["Sources"]!).Add(JsonNode.Parse("""{"Name":"public-api","Action":"deny","Precedence":9,"Type":"consul"}"""));

        Assert.Empty(ConsulEntryComparison.Differences(Frontend(), entry));
    }

    [Fact]
    public void A_proxy_config_is_compared_with_its_keys_as_written_and_Consul_s_extra_fields_are_no_difference()
    {
        const string yaml = """
            apiVersion: consul.hashicorp.com/v1alpha1
            kind: ProxyDefaults
            metadata:
              name: global
            spec:
              config:
                envoy_prometheus_bind_addr: "0.0.0.0:9102"
              meshGateway:
                mode: local
            """;
        var desired = DesiredObject.From(ManifestLoader.LoadText(yaml, "d.yaml").Resources[0].Model!, "default");
        var entry = JsonNode.Parse("""
            {"Kind":"proxy-defaults","Name":"global","Config":{"envoy_prometheus_bind_addr":"0.0.0.0:9102"},"MeshGateway":{"Mode":"remote"},"CreateIndex":5}
            """)!.AsObject();

        var difference = Assert.Single(ConsulEntryComparison.Differences(desired, entry));
        Assert.Equal("MeshGateway.Mode", difference.Field);
        Assert.Equal("\"local\"", difference.Applied);
    }

    [Fact]
    public void A_conflict_is_read_from_the_Status_causes_with_the_manager_and_the_field()
    {
        const string status = """
            {"kind":"Status","apiVersion":"v1","status":"Failure","message":"Apply failed with 1 conflict: conflict with \"other\": .spec.sources[name=\"public-api\"].action","reason":"Conflict",
             "details":{"causes":[{"reason":"FieldManagerConflict","message":"conflict with \"other\"","field":".spec.sources[name=\"public-api\"].action"}]},"code":409}
            """;

        var conflict = ApplyConflict.Read(status)!;

        var field = Assert.Single(conflict.Fields);
        Assert.Equal("other", field.Manager);
        Assert.Equal(".spec.sources[name=\"public-api\"].action", field.Field);
        Assert.Contains("Apply failed", conflict.Message, StringComparison.Ordinal);
    }
}
