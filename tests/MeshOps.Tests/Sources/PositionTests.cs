using System.Text;
using MeshOps.Sources;
using MeshOps.Sources.Files;

namespace MeshOps.Tests.Sources;

public class PositionTests
{
    private const string Manifest = """
        apiVersion: v1
        kind: Service
        metadata:
          name: payments
        spec:
          selector:
            app: payments
          ports:
            - name: http
              port: 1800
              targetPort: 8080
            - name: metrics
              port: 9102
        """;

    private static ManifestResource Load() => Assert.Single(ManifestLoader.LoadText(Manifest, "payments.yaml").Resources);

    [Fact]
    public void Resource_location_is_the_start_of_its_document()
    {
        Assert.Equal(new SourceLocation("payments.yaml", 1, 1), Load().Location);
    }

    [Fact]
    public void Targetport_field_location_points_at_its_line()
    {
        Assert.Equal(new SourceLocation("payments.yaml", 11, 7), Load().LocationOf("spec", "ports", 0, "targetPort"));
    }

    [Fact]
    public void Sequence_item_location_points_at_the_item()
    {
        Assert.Equal(new SourceLocation("payments.yaml", 12, 7), Load().LocationOf("spec", "ports", 1));
    }

    [Fact]
    public void Nested_mapping_key_location_points_at_the_key()
    {
        Assert.Equal(new SourceLocation("payments.yaml", 7, 5), Load().LocationOf("spec", "selector", "app"));
        Assert.Equal(new SourceLocation("payments.yaml", 5, 1), Load().LocationOf("spec"));
    }

    [Fact]
    public void Missing_field_falls_back_to_the_resource_location()
    {
        var resource = Load();

        Assert.Equal(resource.Location, resource.LocationOf("spec", "ports", 5, "port"));
        Assert.Equal(resource.Location, resource.LocationOf("spec", "clusterIP"));
        Assert.Null(resource.Positions!.Find(["spec", "ports", "0"]));
    }

    [Fact]
    public void Second_document_positions_count_lines_from_the_top_of_the_file()
    {
        var set = ManifestLoader.LoadText("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n---\n" + Manifest, "two.yaml");

        Assert.Equal(16, set.Resources[1].LocationOf("spec", "ports", 0, "targetPort").Line);
    }

    [Fact]
    public void Positions_inside_a_json_file_are_exact()
    {
        const string json = """
            {
              "apiVersion": "v1",
              "kind": "Service",
              "metadata": {"name": "web"},
              "spec": {"ports": [{"port": 80, "targetPort": "http"}]}
            }
            """;

        var resource = Assert.Single(ManifestLoader.LoadText(json, "web.json").Resources);

        Assert.Equal(new SourceLocation("web.json", 5, 35), resource.LocationOf("spec", "ports", 0, "targetPort"));
    }

    [Fact]
    public void Field_error_names_the_line_of_the_offending_field()
    {
        const string yaml = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              replicas: abc
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: web
            """;

        var set = ManifestLoader.LoadText(yaml, "web.yaml");

        var error = Assert.Single(set.Errors);
        Assert.Equal(new SourceLocation("web.yaml", 6, 3), error.Location);
        Assert.Contains("spec.replicas", error.Message);
        Assert.Contains("Deployment 'web' (line 1)", error.Message);
        Assert.Equal("Service", Assert.Single(set.Resources).Kind);
    }

    [Fact]
    public void Fields_reached_through_an_alias_or_a_merge_key_point_where_they_were_written()
    {
        const string yaml = """
            apiVersion: v1
            kind: Service
            metadata:
              name: merged
              labels: &labels
                app: web
            spec:
              selector: *labels
              ports:
                - &http
                  name: http
                  targetPort: 8080
                - <<: *http
                  name: alt
            """;

        var resource = Assert.Single(ManifestLoader.LoadText(yaml, "merge.yaml").Resources);

        Assert.Equal(new SourceLocation("merge.yaml", 8, 3), resource.LocationOf("spec", "selector"));
        Assert.Equal(new SourceLocation("merge.yaml", 6, 5), resource.LocationOf("spec", "selector", "app"));
        Assert.Equal(new SourceLocation("merge.yaml", 14, 7), resource.LocationOf("spec", "ports", 1, "name"));
        Assert.Equal(new SourceLocation("merge.yaml", 12, 7), resource.LocationOf("spec", "ports", 1, "targetPort"));
    }

    [Fact]
    public void Index_into_a_mapping_or_key_into_a_sequence_is_not_found()
    {
        var resource = Load();

        Assert.Null(resource.Positions!.Find(["spec", 0]));
        Assert.Null(resource.Positions!.Find(["spec", "ports", "name"]));
        Assert.Null(resource.Positions!.Find(["spec", "selector", "app", "x"]));
    }

    [Fact]
    public void Alias_chain_deeper_than_the_nesting_limit_in_an_unmodelled_kind_still_loads()
    {
        var yaml = new StringBuilder("apiVersion: example.com/v1\nkind: Chain\nmetadata:\n  name: chain\nchain:\n  l0: &l0 [x]\n");
        for (var i = 1; i < 1000; i++)
            yaml.Append($"  l{i}: &l{i} [*l{i - 1}]\n");

        var resource = Assert.Single(ManifestLoader.LoadText(yaml.ToString(), "chain.yaml").Resources);

        Assert.Equal(new SourceLocation("chain.yaml", 1005, 3), resource.LocationOf("chain", "l999"));
        Assert.Equal(new SourceLocation("chain.yaml", 1003, 9), resource.LocationOf("chain", "l999", 0, 0));
    }

    [Fact]
    public void List_item_fields_are_found_from_the_item_even_when_items_share_nodes_through_an_alias()
    {
        const string yaml = """
            apiVersion: v1
            kind: List
            items:
            - not an object
            - apiVersion: v1
              kind: Service
              metadata:
                name: a
              spec: &spec
                ports:
                  - port: 80
            - apiVersion: v1
              kind: Service
              metadata:
                name: b
              spec: *spec
            """;

        var set = ManifestLoader.LoadText(yaml, "list.yaml");

        var (a, b) = (set.Resources[0], set.Resources[1]);
        Assert.Equal(new SourceLocation("list.yaml", 5, 3), a.LocationOf());
        Assert.Equal(new SourceLocation("list.yaml", 8, 5), a.LocationOf("metadata", "name"));
        Assert.Equal(new SourceLocation("list.yaml", 11, 9), a.LocationOf("spec", "ports", 0));
        Assert.Equal(new SourceLocation("list.yaml", 15, 5), b.LocationOf("metadata", "name"));
        Assert.Equal(new SourceLocation("list.yaml", 11, 9), b.LocationOf("spec", "ports", 0));
        Assert.Null(b.Positions!.Find(["items"]));
    }
}
