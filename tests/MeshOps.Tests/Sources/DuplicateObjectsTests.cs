using k8s.Models;
using MeshOps.Analysis;
using MeshOps.Sources;
using MeshOps.Sources.Files;
using MeshOps.Sources.Typed;

namespace MeshOps.Tests.Sources;

/// <summary>One object written in several places is one object, as kubectl applies it: the last copy counts.</summary>
public class DuplicateObjectsTests
{
    private const string Backend = """
        apiVersion: v1
        kind: Service
        metadata:
          name: backend
        spec:
          selector:
            app: backend
          ports:
            - port: 9090
              targetPort: 9090
        """;

    /// <summary>The same object as <see cref="Backend"/>, written another way: key order, quoting, comments, the namespace spelled out.</summary>
    private const string BackendRewritten = """
        kind: Service
        apiVersion: v1
        metadata:
          namespace: default # where it goes anyway
          name: "backend"
        spec:
          ports:
          - targetPort: 9090
            port: 9090
          selector: {app: backend}
        """;

    private static string Deployment(string name, string app, int port) => $"""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: {name}
        spec:
          selector:
            matchLabels:
              app: {app}
          template:
            metadata:
              labels:
                app: {app}
            spec:
              containers:
                - name: {name}
                  image: example/{name}:1
                  ports:
                    - containerPort: {port}
        """;

    private static ManifestSet Files(params (string File, string Yaml)[] files) =>
        ManifestSet.Merge(files.Select(f => ManifestLoader.LoadText(f.Yaml, f.File)));

    [Fact]
    public void Identical_copies_become_one_at_the_last_place_without_a_warning()
    {
        var resolved = DuplicateObjects.Resolve(Files(("a.yaml", Backend), ("b.yaml", BackendRewritten), ("c.yaml", Backend)));

        Assert.Equal("c.yaml", Assert.Single(resolved.Resources).Location.File);
        Assert.Empty(resolved.Warnings);
    }

    [Fact]
    public void Differing_copies_become_the_last_one_with_one_warning_naming_every_place()
    {
        var changed = Backend.Replace("targetPort: 9090", "targetPort: 8080", StringComparison.Ordinal);

        var resolved = DuplicateObjects.Resolve(Files(("a.yaml", Backend), ("b.yaml", changed), ("c.yaml", "# c\n" + Backend)));

        var survivor = Assert.Single(resolved.Resources);
        Assert.Equal(new SourceLocation("c.yaml", 2, 1), survivor.Location);
        Assert.Equal("9090", Assert.Single(survivor.As<V1Service>()!.Spec.Ports).TargetPort.Value);
        var warning = Assert.Single(resolved.Warnings);
        Assert.Equal(LoadWarningIds.DuplicateObject, warning.WarningId);
        Assert.Equal(survivor.Location, warning.Location);
        Assert.Contains("Service/default/backend is written 3 times", warning.Message, StringComparison.Ordinal);
        Assert.Contains("(a.yaml:1:1, b.yaml:1:1, c.yaml:2:1)", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_last_copy_is_the_one_analysed()
    {
        // A named targetPort no container declares is MESH101 in and out of the mesh.
        var wrong = Backend.Replace("targetPort: 9090", "targetPort: metrics", StringComparison.Ordinal);
        var options = new AnalysisOptions { IncludeRules = ["MESH101"] };
        var deployment = ("deploy.yaml", Deployment("backend", "backend", 9090));

        Assert.Empty(MeshAnalyzer.Analyze(Files(("a.yaml", wrong), ("b.yaml", Backend), deployment), options).Findings);
        Assert.Equal("a.yaml", Assert.Single(MeshAnalyzer.Analyze(Files(("b.yaml", Backend), ("a.yaml", wrong), deployment), options).Findings).File);
    }

    [Fact]
    public void One_service_written_in_several_files_does_not_count_as_several_services_selecting_a_pod()
    {
        var set = Files(("backend-v1.yaml", Backend + "\n---\n" + Deployment("backend-v1", "backend", 9090)),
            ("backend-v2.yaml", Backend + "\n---\n" + Deployment("backend-v2", "backend", 9090)));

        var report = MeshAnalyzer.Analyze(set, new AnalysisOptions { IncludeRules = ["MESH108"] });

        Assert.Empty(report.Findings);
        Assert.Empty(report.LoadWarnings);
    }

    [Theory]
    [InlineData("apiVersion: v1\nkind: Service\nmetadata:\n  name: backend\n  namespace: other\n")]
    [InlineData("apiVersion: serving.knative.dev/v1\nkind: Service\nmetadata:\n  name: backend\n")]
    [InlineData("apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: backend\n")]
    public void Objects_differing_in_namespace_group_or_kind_are_different_objects(string other)
    {
        var resolved = DuplicateObjects.Resolve(Files(("a.yaml", Backend), ("b.yaml", other)));

        Assert.Equal(2, resolved.Resources.Count);
        Assert.Empty(resolved.Warnings);
    }

    [Fact]
    public void A_cluster_scoped_object_is_one_object_whatever_namespace_it_is_written_with()
    {
        var resolved = DuplicateObjects.Resolve(Files(
            ("a.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n"),
            ("b.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  namespace: ignored\n")));

        Assert.Equal("b.yaml", Assert.Single(resolved.Resources).Location.File);
        Assert.Empty(resolved.Warnings);
    }

    [Fact]
    public void Copies_of_an_unmodelled_kind_are_compared_by_what_was_written()
    {
        const string Route = "apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n  name: web\nspec:\n  hostnames: [a.example.com]\n  parentRefs:\n    - name: gw\n";
        const string Reordered = "apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n  name: web\nspec:\n  parentRefs:\n    - name: gw\n  hostnames:\n    - a.example.com\n";
        var changed = Route.Replace("a.example.com", "b.example.com", StringComparison.Ordinal);

        Assert.Empty(DuplicateObjects.Resolve(Files(("a.yaml", Route), ("b.yaml", Reordered))).Warnings);
        Assert.Single(DuplicateObjects.Resolve(Files(("a.yaml", Route), ("b.yaml", changed))).Warnings);
    }

    [Fact]
    public void Consul_helm_values_files_of_the_same_name_are_not_one_object()
    {
        var resolved = DuplicateObjects.Resolve(Files(("dc1/values.yaml", "global:\n  datacenter: dc1\n"), ("dc2/values.yaml", "global:\n  datacenter: dc2\n")));

        Assert.Equal(2, resolved.Resources.Count);
    }

    [Fact]
    public void Objects_read_from_memory_are_resolved_the_same_way()
    {
        static V1ConfigMap Map(string value) => new() { ApiVersion = "v1", Kind = "ConfigMap", Metadata = new() { Name = "settings" }, Data = new Dictionary<string, string> { ["mode"] = value } };

        var resolved = DuplicateObjects.Resolve(TypedObjectSource.Read([Map("a"), Map("a"), Map("b")], "Mesh"));

        Assert.Equal("b", Assert.Single(resolved.Resources).As<V1ConfigMap>()!.Data["mode"]);
        Assert.Contains("written 3 times", Assert.Single(resolved.Warnings).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_set_without_repeats_is_returned_as_it_is()
    {
        var set = Files(("a.yaml", Backend));

        Assert.Same(set, DuplicateObjects.Resolve(set));
    }

    [Fact]
    public void Earlier_warnings_are_kept()
    {
        var set = Files(("a.yaml", Backend + "\nmetadata:\n  name: backend\n"), ("b.yaml", Backend.Replace("9090", "9091", StringComparison.Ordinal)));

        var resolved = DuplicateObjects.Resolve(set);

        Assert.Equal([LoadWarningIds.DuplicateKey, LoadWarningIds.DuplicateObject], resolved.Warnings.Select(w => w.WarningId));
    }
}
