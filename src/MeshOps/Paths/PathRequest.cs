namespace MeshOps.Paths;

/// <summary>One path to trace, as <see cref="PathTracer.Trace(Model.MeshModel, Analysis.AnalysisReport, string, string, int?, string?)"/> takes it.</summary>
/// <param name="From">The calling service, written as <c>name</c> or <c>name.namespace</c>.</param>
/// <param name="To">The called service, written as <c>name</c> or <c>name.namespace</c>.</param>
/// <param name="Port">The Service port to trace; by default the port the source's calls dial.</param>
/// <param name="Namespace">The namespace of a name written without one.</param>
public sealed record PathRequest(string From, string To, int? Port = null, string? Namespace = null);
