using k8s.Models;
using MeshOps.Sources;
using MeshOps.Sources.Files;

namespace MeshOps.Tests.Sources;

public class DocumentShapeTests
{
    [Fact]
    public void Multi_document_yaml_gives_one_resource_per_document_in_order()
    {
        const string yaml = """
            apiVersion: v1
            kind: ServiceAccount
            metadata:
              name: web
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: web
            spec:
              ports:
                - port: 80
            ---
            """;

        var set = ManifestLoader.LoadText(yaml, "stdin");

        Assert.Empty(set.Errors);
        Assert.Equal(["ServiceAccount", "Service"], set.Resources.Select(r => r.Kind));
        Assert.Equal(6, set.Resources[1].Location.Line);
        Assert.Equal("stdin", set.Resources[1].Location.File);
    }

    [Fact]
    public void Kubectl_list_items_become_resources_located_at_their_item()
    {
        const string yaml = """
            apiVersion: v1
            kind: List
            items:
            - apiVersion: v1
              kind: Service
              metadata:
                name: a
            - apiVersion: apps/v1
              kind: Deployment
              metadata:
                name: b
                namespace: shop
            """;

        var set = ManifestLoader.LoadText(yaml, "list.yaml");

        Assert.Empty(set.Errors);
        Assert.Equal(["Service/a", "Deployment/shop/b"], set.Resources.Select(r => r.Ref.ToString()));
        Assert.Equal((4, 3), (set.Resources[0].Location.Line, set.Resources[0].Location.Column));
        Assert.Equal(8, set.Resources[1].Location.Line);
        Assert.IsType<V1Deployment>(set.Resources[1].Model);
    }

    [Fact]
    public void Typed_list_items_without_kind_take_it_from_the_list_kind()
    {
        const string json = """
            {"apiVersion": "v1", "kind": "ServiceList", "metadata": {"resourceVersion": "1"},
             "items": [{"metadata": {"name": "api", "namespace": "default"}, "spec": {"ports": [{"port": 8080}]}}]}
            """;

        var set = ManifestLoader.LoadText(json, "services.json");

        var resource = Assert.Single(set.Resources);
        Assert.Equal(("v1", "Service", "api", "default"), (resource.ApiVersion, resource.Kind, resource.Name, resource.Namespace));
        Assert.Equal(8080, resource.As<V1Service>()!.Spec.Ports[0].Port);
    }

    [Fact]
    public void Json_file_loads_like_yaml()
    {
        using var folder = new TempFolder();
        folder.Write("svc.JSON", """
            {
            	"apiVersion": "v1",
            	"kind": "Service",
            	"metadata": { "name": "payments", "labels": { "app": "payments" } },
            	"spec": { "ports": [ { "port": 1800, "targetPort": 8080 } ] }
            }
            """);

        var set = ManifestLoader.LoadPaths([folder.Path]);

        Assert.Empty(set.Errors);
        var service = Assert.Single(set.Resources);
        Assert.Equal("payments", service.Labels["app"]);
        Assert.Equal(8080, service.As<V1Service>()!.Spec.Ports[0].TargetPort.ToInt());
    }

    [Fact]
    public void Labels_annotations_and_namespace_come_from_metadata_as_written()
    {
        const string yaml = """
            apiVersion: example.com/v1
            kind: Widget
            metadata:
              name: w
              namespace: tools
              labels:
                app: w
                version: "2"
              annotations:
                consul.hashicorp.com/connect-inject: "true"
            """;

        var resource = Assert.Single(ManifestLoader.LoadText(yaml, "w.yaml").Resources);

        Assert.Equal("tools", resource.Namespace);
        Assert.Equal("2", resource.Labels["version"]);
        Assert.Equal("true", resource.Annotations["consul.hashicorp.com/connect-inject"]);
    }

    [Fact]
    public void Unknown_kinds_are_kept_without_a_model()
    {
        const string yaml = """
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata:
              name: route
            """;

        var resource = Assert.Single(ManifestLoader.LoadText(yaml, "r.yaml").Resources);

        Assert.Null(resource.Model);
        Assert.Null(resource.Namespace);
        Assert.Empty(resource.Labels);
    }

    [Fact]
    public void Known_kind_under_another_api_version_is_kept_untyped()
    {
        const string yaml = """
            apiVersion: extensions/v1beta1
            kind: Deployment
            metadata:
              name: old
            """;

        var resource = Assert.Single(ManifestLoader.LoadText(yaml, "old.yaml").Resources);

        Assert.Null(resource.Model);
    }

    [Fact]
    public void Empty_documents_and_comment_only_documents_are_skipped_silently()
    {
        const string yaml = """
            ---
            # just a comment
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: c
            ---
            ---
            """;

        var set = ManifestLoader.LoadText(yaml, "c.yaml");

        Assert.Empty(set.Errors);
        Assert.Single(set.Resources);
    }

    [Fact]
    public void Consul_helm_values_are_kept_as_settings_with_their_positions()
    {
        const string yaml = """
            global:
              name: consul
              acls:
                manageSystemACLs: true
            connectInject:
              enabled: true
              transparentProxy:
                defaultEnabled: false
            """;

        var set = ManifestLoader.LoadText(yaml, "values.yaml");

        Assert.Empty(set.Errors);
        var values = Assert.Single(set.Resources);
        Assert.Equal(("ConsulHelmValues", "values.yaml"), (values.Kind, values.Name));
        var model = Assert.IsType<MeshOps.Consul.Helm.ConsulHelmValues>(values.Model);
        Assert.True(model.Global?.Acls?.ManageSystemAcls);
        Assert.False(model.ConnectInject?.TransparentProxy?.DefaultEnabled);
        Assert.Equal(4, values.LocationOf("global", "acls", "manageSystemACLs").Line);
    }

    [Fact]
    public void Other_yaml_without_api_version_and_kind_is_not_an_object_and_not_an_error()
    {
        const string yaml = """
            image:
              repository: nginx
            replicaCount: 2
            """;

        var set = ManifestLoader.LoadText(yaml, "values.yaml");

        Assert.Empty(set.Errors);
        Assert.Empty(set.Resources);
    }

    [Fact]
    public void Kustomization_file_is_not_an_object_and_not_an_error()
    {
        const string yaml = """
            apiVersion: kustomize.config.k8s.io/v1beta1
            kind: Kustomization
            resources:
              - deployment.yaml
            """;

        var set = ManifestLoader.LoadText(yaml, "kustomization.yaml");

        Assert.Empty(set.Errors);
        Assert.Empty(set.Resources);
    }

    [Theory]
    [InlineData("kind: Service\nmetadata:\n  name: a\n", "apiVersion")]
    [InlineData("apiVersion: v1\nmetadata:\n  name: a\n", "kind")]
    [InlineData("apiVersion: v1\nkind: Service\nmetadata:\n  labels: {}\n", "metadata.name")]
    [InlineData("apiVersion: v1\nkind: Service\n", "metadata.name")]
    public void Object_missing_its_identity_is_an_error_naming_file_and_line(string yaml, string missing)
    {
        var set = ManifestLoader.LoadText("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ok\n---\n" + yaml, "bad.yaml");

        var error = Assert.Single(set.Errors);
        Assert.Equal(LoadErrorIds.MissingIdentity, error.ErrorId);
        Assert.Contains(missing, error.Message);
        Assert.Equal("bad.yaml", error.Location.File);
        Assert.Equal(6, error.Location.Line);
        Assert.Single(set.Resources);
    }

    [Fact]
    public void Document_that_is_not_a_mapping_is_an_error()
    {
        var set = ManifestLoader.LoadText("- a\n- b\n", "seq.yaml");

        var error = Assert.Single(set.Errors);
        Assert.Equal(LoadErrorIds.NotAnObject, error.ErrorId);
        Assert.Equal(1, error.Location.Line);
    }

    [Fact]
    public void Merge_keys_copy_fields_the_mapping_does_not_set()
    {
        const string yaml = """
            apiVersion: v1
            kind: Service
            metadata:
              name: merged
            spec:
              ports:
                - &http
                  name: http
                  port: 80
                  targetPort: 8080
                - <<: *http
                  name: alt
                  port: 81
            """;

        var set = ManifestLoader.LoadText(yaml, "merge.yaml");

        Assert.Empty(set.Errors);
        var ports = set.Resources[0].As<V1Service>()!.Spec.Ports;
        Assert.Equal(("alt", 81, 8080), (ports[1].Name, ports[1].Port, ports[1].TargetPort.ToInt()));
    }

    [Fact]
    public void Byte_order_marked_text_on_the_pipeline_loads()
    {
        var set = ManifestLoader.LoadText("\uFEFFapiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n", "stdin");

        Assert.Empty(set.Errors);
        Assert.Equal("shop", Assert.Single(set.Resources).Name);
    }
}
