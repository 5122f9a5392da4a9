using k8s.Models;
using MeshOps.Consul;
using MeshOps.Sources;
using MeshOps.Sources.Files;

namespace MeshOps.Tests.Sources;

public class ReferenceManifestTests
{
    /// <summary>Upstream files that really are malformed (PyYAML rejects them too): an unterminated quoted string.</summary>
    private static readonly string[] KnownMalformed =
    [
        Path.Combine("learn-consul-kubernetes", "migrate-to-microservices", "proxy-defaults.yaml"),
    ];

    [Fact]
    public void Every_hashicups_manifest_loads_without_errors()
    {
        var set = ManifestLoader.LoadPaths([ReferenceData.Path("hashicups")]);

        Assert.True(set.Errors.Count == 0, string.Join(Environment.NewLine, set.Errors));
        Assert.True(set.Resources.Count > 50);
    }

    [Fact]
    public void Every_consul_reference_manifest_loads_without_errors_except_the_known_malformed_one()
    {
        var set = ManifestLoader.LoadPaths([ReferenceData.Path("consul-manifests")]);

        var unexpected = set.Errors.Where(e => !KnownMalformed.Any(bad => e.Location.File.EndsWith(bad, StringComparison.Ordinal))).ToList();
        Assert.True(unexpected.Count == 0, string.Join(Environment.NewLine, unexpected));
        Assert.True(set.Resources.Count > 100);
    }

    [Fact]
    public void Malformed_reference_file_is_reported_at_its_line_and_its_folder_still_loads()
    {
        var folder = ReferenceData.Path("consul-manifests", "learn-consul-kubernetes", "migrate-to-microservices");

        var set = ManifestLoader.LoadPaths([folder]);

        var error = Assert.Single(set.Errors);
        Assert.Equal(LoadErrorIds.YamlSyntax, error.ErrorId);
        Assert.EndsWith("proxy-defaults.yaml", error.Location.File);
        Assert.Equal(11, error.Location.Line);
        Assert.Contains(set.Resources, r => r.Kind == "ServiceRouter");
        Assert.Contains(set.Resources, r => r.Kind == "ServiceSplitter");
    }

    [Fact]
    public void Each_reference_file_loads_the_same_on_its_own_as_in_its_folder()
    {
        var files = Directory.GetFiles(ReferenceData.Path("hashicups"), "*.yaml", SearchOption.AllDirectories);

        var perFile = files.Sum(file => ManifestLoader.LoadPaths([file]).Resources.Count);

        Assert.Equal(ManifestLoader.LoadPaths([ReferenceData.Path("hashicups")]).Resources.Count, perFile);
    }

    [Fact]
    public void Every_reference_kind_MeshOps_models_gets_a_typed_model()
    {
        var set = ManifestLoader.LoadPaths([ReferenceData.Path("hashicups"), ReferenceData.Path("consul-manifests")]);

        var modelled = new[] { "Deployment", "Namespace", "Service", "ServiceAccount", "ConfigMap", "ServiceDefaults", "ServiceIntentions", "ProxyDefaults",
            "ServiceResolver", "ServiceRouter", "ServiceSplitter", "ExportedServices", "IngressGateway", "TerminatingGateway", "Mesh" };
        foreach (var kind in modelled)
        {
            var ofKind = set.Resources.Where(r => r.Kind == kind).ToList();
            Assert.True(ofKind.Count > 0, $"no {kind} in the reference data");
            Assert.All(ofKind, r => Assert.NotNull(r.Model));
        }
    }

    [Fact]
    public void Hashicups_payments_service_maps_port_1800_to_target_port_8080()
    {
        var service = LoadOne<V1Service>("hashicups/setups-local-k8s/k8s/payments.yaml", "Service", "payments");

        var port = Assert.Single(service.Spec.Ports);
        Assert.Equal(1800, port.Port);
        Assert.Equal("8080", port.TargetPort.Value);
        Assert.Equal(8080, port.TargetPort.ToInt());
    }

    [Fact]
    public void Hashicups_products_api_deployment_has_container_ports_9090_and_9103()
    {
        var deployment = LoadOne<V1Deployment>("hashicups/setups-local-k8s/k8s/products-api.yaml", "Deployment", "products-api");

        var ports = deployment.Spec.Template.Spec.Containers.SelectMany(c => c.Ports ?? []).Select(p => p.ContainerPort);
        Assert.Equal([9090, 9103], ports.Order());
    }

    [Fact]
    public void Hashicups_intentions_list_their_sources_and_actions()
    {
        var set = ManifestLoader.LoadPaths([ReferenceData.Path("hashicups", "setups-local-k8s", "k8s", "intentions.yaml")]);

        var intentions = set.Resources.Select(r => r.As<ServiceIntentions>()).OfType<ServiceIntentions>().ToList();
        Assert.Equal(6, intentions.Count);
        var publicApi = intentions.Single(i => i.Spec!.Destination!.Name == "public-api");
        Assert.Equal(["frontend", "nginx"], publicApi.Spec!.Sources!.Select(s => s.Name));
        Assert.All(publicApi.Spec.Sources!, s => Assert.Equal(IntentionAction.Allow, s.Action));
        Assert.Contains(intentions, i => i.Spec!.Destination!.Name == "*");
    }

    [Fact]
    public void Service_defaults_protocol_is_read()
    {
        var set = ManifestLoader.LoadPaths([ReferenceData.Path("consul-manifests", "learn-consul-k8s-hashicups", "crds", "service-defaults.yaml")]);

        Assert.Empty(set.Errors);
        var protocols = set.Resources.Select(r => r.As<ServiceDefaults>()?.Spec?.Protocol).ToList();
        Assert.NotEmpty(protocols);
        Assert.All(protocols, p => Assert.NotNull(p));
    }

    private static T LoadOne<T>(string relativeFile, string kind, string name) where T : class
    {
        var set = ManifestLoader.LoadPaths([ReferenceData.Path(relativeFile.Split('/'))]);
        Assert.Empty(set.Errors);
        var resource = Assert.Single(set.Resources, r => r.Kind == kind && r.Name == name);
        return Assert.IsType<T>(resource.Model);
    }
}
