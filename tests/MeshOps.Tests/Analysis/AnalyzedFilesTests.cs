using MeshOps.Analysis;
using MeshOps.Sources.Files;
using MeshOps.Tests.Sources;

namespace MeshOps.Tests.Analysis;

/// <summary>
/// The files last read are read and analysed once while they stay as they were, and read again as soon as one of them,
/// or the set of them, changes: a kept analysis of edited manifests would be a wrong answer.
/// </summary>
public sealed class AnalyzedFilesTests : IDisposable
{
    private const string Service = """
        apiVersion: v1
        kind: Service
        metadata:
          name: api
        spec:
          selector:
            app: api
          ports:
            - port: 80
              targetPort: 8080
        """;

    private const string Workload = """
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
            spec:
              containers:
                - name: api
                  image: example/api:1
                  ports:
                    - containerPort: 8080
        """;

    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Unchanged_files_give_the_same_manifests_and_analysis()
    {
        folder.Write("api.yaml", Service + "\n---\n" + Workload);

        var first = AnalyzedFiles.Load([folder.Path], LoaderOptions.Default);
        var analysis = AnalyzedFiles.Analyze(first);
        var second = AnalyzedFiles.Load([folder.Path], LoaderOptions.Default);

        Assert.Same(first, second);
        Assert.Same(analysis, AnalyzedFiles.Analyze(second));
    }

    [Fact]
    public void An_edited_file_is_read_and_analysed_again()
    {
        var file = folder.Write("api.yaml", Service + "\n---\n" + Workload);
        var before = AnalyzedFiles.Analyze(AnalyzedFiles.Load([folder.Path], LoaderOptions.Default));
        Assert.DoesNotContain(before.Report.Findings, f => f.RuleId == "MESH101");

        File.WriteAllText(file, Service.Replace("targetPort: 8080", "targetPort: http", StringComparison.Ordinal) + "\n---\n" + Workload);
        // Same length: only the write time tells the edit apart, as it does for make.
        File.SetLastWriteTimeUtc(file, File.GetLastWriteTimeUtc(file).AddSeconds(1));
        var after = AnalyzedFiles.Analyze(AnalyzedFiles.Load([folder.Path], LoaderOptions.Default));

        Assert.Contains(after.Report.Findings, f => f.RuleId == "MESH101");
    }

    [Fact]
    public void A_file_added_to_the_folder_is_read()
    {
        folder.Write("service.yaml", Service);
        var before = AnalyzedFiles.Load([folder.Path], LoaderOptions.Default);

        folder.Write("workload.yaml", Workload);
        var after = AnalyzedFiles.Load([folder.Path], LoaderOptions.Default);

        Assert.NotSame(before, after);
        Assert.Equal(2, after.Resources.Count);
    }

    [Fact]
    public void Other_options_read_again()
    {
        folder.Write("api.yaml", Service);
        var anywhere = AnalyzedFiles.Load([folder.Path], LoaderOptions.Default);

        var inShop = AnalyzedFiles.Load([folder.Path], new LoaderOptions { Namespace = "shop" });

        Assert.NotSame(anywhere, inShop);
        Assert.Equal("shop", Assert.Single(inShop.Resources).Namespace);
    }

    [Fact]
    public void A_read_with_errors_is_not_kept()
    {
        var file = folder.Write("api.yaml", Service + "\n  bad: [");
        var broken = AnalyzedFiles.Load([folder.Path], LoaderOptions.Default);
        Assert.NotEmpty(broken.Errors);

        Assert.NotSame(broken, AnalyzedFiles.Load([file], LoaderOptions.Default));
        Assert.NotSame(broken, AnalyzedFiles.Load([folder.Path], LoaderOptions.Default));
    }
}
