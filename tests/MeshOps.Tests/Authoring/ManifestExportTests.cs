using k8s;
using k8s.Models;
using MeshOps.Authoring;
using MeshOps.Consul;
using MeshOps.Sources.Files;

namespace MeshOps.Tests.Authoring;

public class ManifestExportTests
{
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "export");

    private static List<object> Generated() =>
    [
        ServiceDefaultsComposer.Compose(new ServiceDefaultsRequest("products-api", MeshProtocol.Http)
        {
            MutualTlsMode = ServiceDefaultsMutualTLSMode.Strict,
            UpstreamOverrides = [new Dictionary<string, object?> { ["Name"] = "postgres", ["Protocol"] = "tcp", ["ConnectTimeoutMs"] = 5000 }],
        }),
        IntentionComposer.Compose(new IntentionRequest("products-api", ["public-api"]) { Action = IntentionAction.Allow }),
        KubernetesObjectComposer.Service(new ServicePortRequest("products-api", 9090, "http", new Dictionary<string, string> { ["app"] = "products-api" }) { PortName = "http" }),
        KubernetesObjectComposer.ServiceAccount("products-api", "shop", automountToken: true),
    ];

    [Fact]
    public void One_file_holds_every_document_in_input_order()
    {
        var objects = Generated();

        var file = Assert.Single(ManifestExport.Plan(objects, Path.Combine(Folder, "all.yaml"), split: false));

        Assert.Equal(Path.Combine(Folder, "all.yaml"), file.Path);
        Assert.Equal(objects, file.Objects);
        Assert.Equal(ManifestYamlWriter.Write(objects), file.Text);
    }

    [Fact]
    public void Split_names_each_file_after_the_kind_and_name()
    {
        var files = ManifestExport.Plan(Generated(), Folder, split: true);

        Assert.Equal(
            ["servicedefaults-products-api.yaml", "serviceintentions-products-api.yaml", "service-products-api.yaml", "serviceaccount-products-api.yaml"],
            files.Select(f => Path.GetFileName(f.Path)));
        Assert.All(files, f => Assert.Equal(Folder, Path.GetDirectoryName(f.Path)));
        Assert.All(files, f => Assert.Equal(ManifestYamlWriter.Write(f.Objects), f.Text));
    }

    [Fact]
    public void Two_objects_for_one_split_file_are_refused_before_any_file_is_planned()
    {
        var objects = new List<object>
        {
            KubernetesObjectComposer.ServiceAccount("web", "a"),
            KubernetesObjectComposer.ServiceAccount("web", "b"),
        };

        var refused = Assert.Throws<ArgumentException>(() => ManifestExport.Plan(objects, Folder, split: true));

        Assert.StartsWith("Two objects would be written to serviceaccount-web.yaml: ServiceAccount 'web' in namespace 'a' and in namespace 'b'.", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../../escaped")]
    [InlineData("x/../../escaped")]
    [InlineData("a\\b")]
    [InlineData("..")]
    public void A_name_that_is_no_object_name_is_refused_rather_than_written_outside_the_folder(string name)
    {
        var account = KubernetesObjectComposer.ServiceAccount("products-api", "shop", automountToken: true);
        account.Metadata.Name = name;

        var refused = Assert.Throws<ArgumentException>(() => ManifestExport.Plan([account], Folder, split: true));

        Assert.Contains($"'{name}' has no valid object name", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Secrets_and_objects_that_are_no_resources_are_not_exportable()
    {
        var secret = new V1Secret { ApiVersion = "v1", Kind = "Secret", Metadata = new V1ObjectMeta { Name = "db" } };

        Assert.StartsWith("Secret 'db' is not written", ManifestExport.WhyNotExportable(secret), StringComparison.Ordinal);
        Assert.StartsWith("A System.String is no Kubernetes or mesh object", ManifestExport.WhyNotExportable("text"), StringComparison.Ordinal);
        Assert.StartsWith("A ServiceDefaults without metadata.name", ManifestExport.WhyNotExportable(new ServiceDefaults()), StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => ManifestExport.Plan([secret], Folder, split: false));
    }

    [Fact]
    public void What_is_exported_loads_back_as_equal_objects_with_their_locations()
    {
        var objects = Generated();
        var file = Assert.Single(ManifestExport.Plan(objects, "all.yaml", split: false));

        var loaded = ManifestLoader.LoadText(file.Text, "all.yaml");

        Assert.Empty(loaded.Errors);
        Assert.Equal(objects.Select(o => o.GetType()), loaded.Resources.Select(r => r.Model!.GetType()));
        Assert.Equal(objects.Select(o => KubernetesJson.Serialize(o)), loaded.Resources.Select(r => KubernetesJson.Serialize(r.Model!)));
        var lines = file.Text.Split('\n');
        var documentStarts = Enumerable.Range(0, lines.Length).Where(i => i == 0 || lines[i - 1] == "---").Select(i => i + 1);
        Assert.Equal(documentStarts, loaded.Resources.Select(r => r.Location.Line));
        Assert.All(loaded.Resources, r => Assert.Equal("all.yaml", r.Location.File));
    }
}
