using MeshOps.Model;

namespace MeshOps.Analysis;

/// <summary>An analysis and the model its rules judged (<see cref="MeshAnalyzer.AnalyzeWithModel"/>).</summary>
public sealed record AnalyzedMesh(AnalysisReport Report, MeshModel Model);
