using System.Text.Json.Nodes;
using MeshOps.Authoring.Compare;

namespace MeshOps.Tests.Authoring.Compare;

public class SpecComparerTests
{
    [Fact]
    public void Equal_trees_have_no_difference()
    {
        Assert.Empty(SpecComparer.Compare(Json("""{"protocol":"http","sources":[{"name":"a","action":"allow"}]}"""), Json("""{"sources":[{"action":"allow","name":"a"}],"protocol":"http"}""")));
    }

    [Fact]
    public void A_changed_scalar_names_its_path_and_both_values()
    {
        var difference = Assert.Single(SpecComparer.Compare(Json("""{"protocol":"tcp"}"""), Json("""{"protocol":"http"}""")));

        Assert.Equal(new FieldDifference("spec.protocol", "tcp", "http"), difference with { DesiredSegments = [] });
        Assert.Equal(["protocol"], difference.DesiredSegments);
    }

    [Theory]
    [InlineData("""{}""", """{"sources":[]}""")]
    [InlineData("""{"expose":{}}""", """{}""")]
    [InlineData("""{"description":null}""", """{}""")]
    [InlineData("""{"expose":{"paths":[]}}""", """{"expose":null}""")]
    [InlineData("""{"transparentProxy":{"dialedDirectly":false}}""", """{}""")]
    [InlineData("""{"maxInboundConnections":0,"externalSNI":""}""", """{}""")]
    public void Missing_null_empty_list_and_empty_object_are_all_not_set(string desired, string current)
    {
        Assert.Empty(SpecComparer.Compare(Json(desired), Json(current)));
        Assert.Empty(SpecComparer.Compare(Json(current), Json(desired)));
    }

    [Fact]
    public void Numbers_compare_by_value()
    {
        Assert.Empty(SpecComparer.Compare(Json("""{"port":15001}"""), Json("""{"port":15001.0}""")));
        Assert.Single(SpecComparer.Compare(Json("""{"port":15001}"""), Json("""{"port":15002}""")));
    }

    [Fact]
    public void Named_list_items_are_paired_by_name_so_an_insertion_is_one_difference()
    {
        var desired = Json("""{"sources":[{"name":"a","action":"allow"},{"name":"new","action":"allow"},{"name":"b","action":"deny"}]}""");
        var current = Json("""{"sources":[{"name":"a","action":"allow"},{"name":"b","action":"allow"}]}""");

        var differences = SpecComparer.Compare(desired, current);

        Assert.Equal(["spec.sources[new]", "spec.sources[b].action"], differences.Select(d => d.Path));
        Assert.Equal("""{"name":"new","action":"allow"}""", differences[0].Desired);
        Assert.Null(differences[0].Current);
        Assert.Equal(("deny", "allow"), (differences[1].Desired, differences[1].Current));
        Assert.Equal(["sources", 2, "action"], differences[1].DesiredSegments);
    }

    [Fact]
    public void A_source_in_another_namespace_is_another_item()
    {
        var differences = SpecComparer.Compare(
            Json("""{"sources":[{"name":"a","namespace":"shop","action":"allow"}]}"""),
            Json("""{"sources":[{"name":"a","action":"allow"}]}"""));

        Assert.Equal(["spec.sources[a/shop]", "spec.sources[a]"], differences.Select(d => d.Path));
    }

    [Fact]
    public void Lists_without_unique_names_are_compared_by_index()
    {
        var differences = SpecComparer.Compare(Json("""{"methods":["GET","HEAD"]}"""), Json("""{"methods":["GET","POST","PUT"]}"""));

        Assert.Equal(["spec.methods[1]", "spec.methods[2]"], differences.Select(d => d.Path));
        Assert.Equal(("HEAD", "POST"), (differences[0].Desired, differences[0].Current));
        Assert.Equal((null, "PUT"), (differences[1].Desired, differences[1].Current));
    }

    [Fact]
    public void An_object_only_one_side_sets_is_reported_field_by_field()
    {
        var differences = SpecComparer.Compare(Json("""{"transparentProxy":{"outboundListenerPort":15001,"dialedDirectly":true}}"""), Json("""{}"""));

        Assert.Equal(["spec.transparentProxy.outboundListenerPort", "spec.transparentProxy.dialedDirectly"], differences.Select(d => d.Path));
        Assert.Equal(["15001", "true"], differences.Select(d => d.Desired));
    }

    [Fact]
    public void A_zero_value_against_a_set_one_is_shown_as_written()
    {
        var difference = Assert.Single(SpecComparer.Compare(Json("""{"dialedDirectly":false}"""), Json("""{"dialedDirectly":true}""")));

        Assert.Equal(("false", "true"), (difference.Desired, difference.Current));
    }

    [Fact]
    public void Consul_api_entries_pair_their_items_by_Name_too()
    {
        var differences = SpecComparer.Compare(
            Json("""{"Sources":[{"Name":"new","Action":"allow"},{"Name":"web","Action":"deny"}]}"""),
            Json("""{"Sources":[{"Name":"web","Action":"allow"}]}"""),
            root: string.Empty);

        Assert.Equal(["Sources[new]", "Sources[web].Action"], differences.Select(d => d.Path));
    }

    [Fact]
    public void Missing_trees_compare_as_empty()
    {
        Assert.Empty(SpecComparer.Compare(null, Json("""{}""")));
        Assert.Equal("spec.protocol", Assert.Single(SpecComparer.Compare(null, Json("""{"protocol":"http"}"""))).Path);
    }

    private static JsonNode Json(string text) => JsonNode.Parse(text)!;
}
