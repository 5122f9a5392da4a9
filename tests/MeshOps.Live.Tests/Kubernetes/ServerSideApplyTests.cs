using System.Text.Json.Nodes;

namespace MeshOps.Live.Tests.Kubernetes;

public sealed class ServerSideApplyTests(KubernetesServerFixture fixture) : IClassFixture<KubernetesServerFixture>
{
    private const string Deployments = "apis/apps/v1/namespaces/shop/deployments";

    [Fact]
    public async Task A_second_manager_applying_the_same_value_shares_the_field_without_conflict()
    {
        using var client = RawApi.Client(fixture.Server);
        await Apply(client, "a", Deployment("shared", replicas: 2));

        var (status, _) = await Apply(client, "b", Deployment("shared", replicas: 2));

        Assert.Equal(200, status);
        var owners = Owners("shared");
        Assert.NotNull(owners["a"]["f:spec"]?["f:replicas"]);
        Assert.NotNull(owners["b"]["f:spec"]?["f:replicas"]);
    }

    [Fact]
    public async Task Conflicts_on_several_fields_are_listed_per_manager_with_a_cause_each()
    {
        using var client = RawApi.Client(fixture.Server);
        await Apply(client, "a", Deployment("several", replicas: 2, image: "nginx:1.27"));

        var (status, body) = await Apply(client, "b", Deployment("several", replicas: 4, image: "nginx:1.28"));

        Assert.Equal(409, status);
        Assert.Equal("Conflict", (string?)body["reason"]);
        Assert.Equal(
            "Apply failed with 2 conflicts: conflicts with \"a\":\n- .spec.replicas\n- .spec.template.spec.containers[name=\"web\"].image",
            (string?)body["message"]);
        var causes = body["details"]!["causes"]!.AsArray();
        Assert.All(causes, c => Assert.Equal("FieldManagerConflict", (string?)c!["reason"]));
        Assert.Equal([".spec.replicas", ".spec.template.spec.containers[name=\"web\"].image"], causes.Select(c => (string)c!["field"]!));
        Assert.Equal(2, (int)fixture.Store.Get("apps", "Deployment", "shop", "several")!["spec"]!["replicas"]!);
    }

    [Fact]
    public async Task A_field_a_manager_stops_sending_is_removed_unless_another_manager_owns_it()
    {
        using var client = RawApi.Client(fixture.Server);
        await Apply(client, "a", Deployment("pruned", replicas: 1, extraLabel: "kept-by-b"));
        await Apply(client, "b", """{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"pruned","labels":{"extra":"kept-by-b"}}}""");
        await Apply(client, "a", Deployment("pruned", replicas: 1, extraLabel: "kept-by-b", secondLabel: true));

        await Apply(client, "a", Deployment("pruned", replicas: 1));

        var labels = fixture.Store.Get("apps", "Deployment", "shop", "pruned")!["metadata"]!["labels"]!.AsObject();
        Assert.Equal("kept-by-b", (string?)labels["extra"]);
        Assert.False(labels.ContainsKey("second"));
        Assert.Equal("web", (string?)labels["app"]);
    }

    [Fact]
    public async Task A_conflict_with_an_update_manager_names_its_version_and_time()
    {
        using var client = RawApi.Client(fixture.Server);
        var (created, _) = await RawApi.SendAsync(client, HttpMethod.Post, "api/v1/namespaces/shop/configmaps?fieldManager=creator",
            """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"owned"},"data":{"mode":"a"}}""");
        Assert.Equal(201, created);
        var time = (string)fixture.Store.Get(string.Empty, "ConfigMap", "shop", "owned")!["metadata"]!["managedFields"]![0]!["time"]!;

        var (status, body) = await RawApi.ApplyAsync(client, "api/v1/namespaces/shop/configmaps/owned?fieldManager=applier",
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: owned\ndata:\n  mode: b\n");

        Assert.Equal(409, status);
        Assert.Equal($"Apply failed with 1 conflict: conflict with \"creator\" using v1 at {time}: .data.mode", (string?)body["message"]);
    }

    [Fact]
    public async Task Dry_run_answers_the_result_and_stores_nothing()
    {
        using var client = RawApi.Client(fixture.Server);
        await Apply(client, "a", Deployment("dry-existing", replicas: 1));
        var before = fixture.Store.Get("apps", "Deployment", "shop", "dry-existing")!.ToJsonString();

        var (status, body) = await RawApi.ApplyAsync(client, $"{Deployments}/dry-existing?fieldManager=a&dryRun=All", Deployment("dry-existing", replicas: 7));
        var (createStatus, _) = await RawApi.ApplyAsync(client, $"{Deployments}/dry-new?fieldManager=a&dryRun=All", Deployment("dry-new", replicas: 1));

        Assert.Equal(200, status);
        Assert.Equal(7, (int)body["spec"]!["replicas"]!);
        Assert.Equal(before, fixture.Store.Get("apps", "Deployment", "shop", "dry-existing")!.ToJsonString());
        Assert.Equal(201, createStatus);
        Assert.Null(fixture.Store.Get("apps", "Deployment", "shop", "dry-new"));
    }

    [Fact]
    public async Task An_apply_creates_with_generation_one_and_a_spec_change_bumps_it()
    {
        using var client = RawApi.Client(fixture.Server);

        var (created, first) = await Apply(client, "a", Deployment("generations", replicas: 1));
        var (_, same) = await Apply(client, "a", Deployment("generations", replicas: 1));
        var (_, changed) = await Apply(client, "a", Deployment("generations", replicas: 2));

        Assert.Equal(201, created);
        Assert.Equal(1, (long)first["metadata"]!["generation"]!);
        Assert.Equal(1, (long)same["metadata"]!["generation"]!);
        Assert.Equal(2, (long)changed["metadata"]!["generation"]!);
        Assert.Equal((string?)first["metadata"]!["uid"], (string?)changed["metadata"]!["uid"]);
    }

    [Theory]
    [InlineData("apis/apps/v1/namespaces/shop/deployments/x", "", 400, "fieldManager is required for apply requests")]
    [InlineData("apis/apps/v1/namespaces/shop/deployments/other-name", "?fieldManager=a", 400, "the name of the object (x) does not match the name on the URL (other-name)")]
    [InlineData("apis/apps/v1/namespaces/absent/deployments/x", "?fieldManager=a", 404, "namespaces \"absent\" not found")]
    public async Task A_bad_apply_is_refused_with_the_servers_status(string path, string query, int code, string message)
    {
        using var client = RawApi.Client(fixture.Server);

        var (status, body) = await RawApi.ApplyAsync(client, path + query, """{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"x"}}""");

        Assert.Equal(code, status);
        Assert.Equal(message, (string?)body["message"]);
    }

    private static Task<(int Status, JsonObject Body)> Apply(HttpClient client, string manager, string body)
    {
        var name = (string)JsonNode.Parse(body)!["metadata"]!["name"]!;
        return RawApi.ApplyAsync(client, $"{Deployments}/{name}?fieldManager={manager}", body);
    }

    private Dictionary<string, JsonNode> Owners(string name) =>
        fixture.Store.Get("apps", "Deployment", "shop", name)!["metadata"]!["managedFields"]!.AsArray()
            .ToDictionary(e => (string)e!["manager"]!, e => e!["fieldsV1"]!);

    private static string Deployment(string name, int replicas, string image = "nginx:1.27", string? extraLabel = null, bool secondLabel = false)
    {
        var labels = new JsonObject { ["app"] = "web" };
        if (extraLabel is not null)
            labels["extra"] = extraLabel;
        if (secondLabel)
            labels["second"] = "yes";
        return new JsonObject
        {
            ["apiVersion"] = "apps/v1",
            ["kind"] = "Deployment",
            ["metadata"] = new JsonObject { ["name"] = name, ["labels"] = labels },
            ["spec"] = new JsonObject
            {
                ["replicas"] = replicas,
                ["selector"] = JsonNode.Parse("""{"matchLabels":{"app":"web"}}"""),
                ["template"] = JsonNode.Parse("""{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"web","image":"IMAGE"}]}}""".Replace("IMAGE", image, StringComparison.Ordinal)),
            },
        }.ToJsonString();
    }
}
