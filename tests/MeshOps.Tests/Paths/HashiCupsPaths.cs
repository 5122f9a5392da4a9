using MeshOps.Analysis;
using MeshOps.Model;
using MeshOps.Paths;
using MeshOps.Sources.Files;
using MeshOps.Tests.Analysis;

namespace MeshOps.Tests.Paths;

/// <summary>The HashiCups example (healthy, or with one fault laid over it) as a model and its findings, ready to trace.</summary>
internal sealed record HashiCupsPaths(MeshModel Model, AnalysisReport Report)
{
    public static HashiCupsPaths Load(string? fault = null)
    {
        var manifests = ManifestLoader.LoadPaths(HashiCupsExample.Files(fault));
        var (report, model) = MeshAnalyzer.AnalyzeWithModel(manifests);
        return new HashiCupsPaths(model, report);
    }

    public PathReport Trace(string from, string to, int? port = null) => PathTracer.Trace(Model, Report, from, to, port);
}
