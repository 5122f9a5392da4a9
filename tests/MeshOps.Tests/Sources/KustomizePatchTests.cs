using MeshOps.Analysis;
using MeshOps.Sources.Files;

namespace MeshOps.Tests.Sources;

/// <summary>
/// Files a kustomization names as patches are not objects: each holds only the fields it changes. Read as objects they
/// would replace their base (one object written twice, the last copy wins) and invent faults on it.
/// </summary>
public class KustomizePatchTests
{
    private const string Base = """
        apiVersion: v1
        kind: Service
        metadata:
          name: api
        spec:
          selector:
            app: api
          ports:
            - port: 8080
        ---
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: api
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: api
        spec:
          selector:
            matchLabels:
              app: api
          template:
            metadata:
              labels:
                app: api
              annotations:
                consul.hashicorp.com/connect-inject: "true"
            spec:
              serviceAccountName: api
              containers:
                - name: api
                  image: example/api:1
                  ports:
                    - containerPort: 8080
        """;

    // Only what changes: no selector, no labels, no ports.
    private const string ImagePatch = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: api
        spec:
          template:
            spec:
              containers:
                - name: api
                  image: example/api:2
        """;

    private const string Json6902Patch = """
        - op: replace
          path: /spec/replicas
          value: 3
        """;

    [Theory]
    [InlineData("patchesStrategicMerge:\n  - patch.yaml\n")]
    [InlineData("patches:\n  - path: patch.yaml\n    target:\n      kind: Deployment\n")]
    [InlineData("patches:\n  - patch.yaml\n")]
    public void A_listed_patch_is_skipped_with_the_reason_and_the_base_is_analysed_as_written(string patchList)
    {
        using var folder = new TempFolder();
        folder.Write("api.yaml", Base);
        var patch = folder.Write("patch.yaml", ImagePatch);
        folder.Write("kustomization.yaml", "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - api.yaml\n" + patchList);

        var set = ManifestLoader.LoadPaths([folder.Path]);
        var report = MeshAnalyzer.Analyze(set);

        var skipped = Assert.Single(set.Skipped, s => s.Location.File == patch);
        Assert.StartsWith("a kustomize patch (kustomization.yaml:", skipped.Reason, StringComparison.Ordinal);
        Assert.Empty(set.Errors);
        Assert.Empty(report.LoadWarnings);
        Assert.Empty(report.Findings);
    }

    [Fact]
    public void A_json6902_patch_in_a_subfolder_is_skipped_rather_than_failing_as_a_list()
    {
        using var folder = new TempFolder();
        folder.Write("base/api.yaml", Base);
        var patch = folder.Write("overlay/patches/replicas.yaml", Json6902Patch);
        folder.Write("overlay/kustomization.yaml", "resources:\n  - ../base\npatchesJson6902:\n  - target:\n      kind: Deployment\n      name: api\n    path: patches/replicas.yaml\n");

        var set = ManifestLoader.LoadPaths([folder.Path]);

        Assert.Contains(set.Skipped, s => s.Location.File == patch);
        Assert.Empty(set.Errors);
    }

    [Fact]
    public void Without_a_kustomization_naming_it_the_same_file_is_an_object()
    {
        using var folder = new TempFolder();
        folder.Write("api.yaml", Base);
        folder.Write("patch.yaml", ImagePatch);

        var report = MeshAnalyzer.Analyze(ManifestLoader.LoadPaths([folder.Path]));

        Assert.Contains(report.LoadWarnings, w => w.WarningId == "MeshOps.DuplicateObject");
    }
}
