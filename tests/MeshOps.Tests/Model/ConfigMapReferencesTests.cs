using MeshOps.Model;
using MeshOps.Sources.Files;
using MeshOps.Tests.Analysis;

namespace MeshOps.Tests.Model;

/// <summary>The one walk of a pod spec for ConfigMaps, and what call discovery takes from it.</summary>
public class ConfigMapReferencesTests
{
    private const string Config = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: app-config
        data:
          API_URL: http://api:8080
          settings.ini: |
            upstream=http://api:8080
        """;

    private static MeshModel Build(string podSpec)
    {
        var indented = string.Join("\n", podSpec.Split('\n').Select(l => "      " + l));
        var mesh = new TestMesh().Service("api").Workload("api").Raw(Config)
            .Raw($"apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n{indented}");
        return MeshModelBuilder.Build(ManifestLoader.LoadText(mesh.ToString(), "<test>"));
    }

    private static Workload Web(MeshModel model) => model.Workloads.Single(w => w.Name == "web");

    [Fact]
    public void Every_use_is_listed_with_its_container_and_path()
    {
        var model = Build("""
            initContainers:
              - name: setup
                envFrom:
                  - configMapRef:
                      name: app-config
            containers:
              - name: web
                image: example/web:1
                env:
                  - name: API_URL
                    valueFrom:
                      configMapKeyRef:
                        name: app-config
                        key: API_URL
                        optional: true
            volumes:
              - name: files
                configMap:
                  name: app-config
                  items:
                    - key: settings.ini
                      path: settings.ini
              - name: all
                projected:
                  sources:
                    - configMap:
                        name: app-config
            """);

        var references = ConfigMapReferences.Of(Web(model)).ToList();

        Assert.Equal(
            [
                (ConfigMapUse.EnvFrom, null, false, "envFrom of init container setup", "initContainers/0/envFrom/0/configMapRef/name"),
                (ConfigMapUse.EnvValueFrom, "API_URL", true, "env API_URL of container web", "containers/0/env/0/valueFrom/configMapKeyRef/name"),
                (ConfigMapUse.Volume, "settings.ini", false, "volume files", "volumes/0/configMap/items/0/key"),
                (ConfigMapUse.ProjectedVolume, null, false, "projected volume all", "volumes/1/projected/sources/0/configMap/name"),
            ],
            references.Select(r => (r.Use, r.Key, r.Optional, r.Usage, string.Join('/', r.PodFieldPath))));
    }

    [Fact]
    public void Call_discovery_reads_a_configmap_mounted_through_a_projected_volume()
    {
        var model = Build("""
            containers:
              - name: web
                image: example/web:1
            volumes:
              - name: all
                projected:
                  sources:
                    - configMap:
                        name: app-config
                        items:
                          - key: settings.ini
                            path: settings.ini
            """);

        var edge = Assert.Single(model.Edges, e => e.Source.Name == "web");

        Assert.Equal(("api", "ConfigMap app-config key 'settings.ini' (projected volume all)"), (edge.Target?.Name, edge.WrittenAt));
    }

    [Fact]
    public void Call_discovery_leaves_out_init_containers_whose_calls_run_before_the_sidecar()
    {
        var model = Build("""
            initContainers:
              - name: wait-for-api
                image: example/wait:1
                env:
                  - name: API_URL
                    value: http://api:8080
                envFrom:
                  - configMapRef:
                      name: app-config
            containers:
              - name: web
                image: example/web:1
            """);

        Assert.DoesNotContain(model.Edges, e => e.Source.Name == "web");
    }
}
