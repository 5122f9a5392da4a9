namespace MeshOps.Simulation.Kubernetes.Apply;

/// <summary>A field the applier would change that another manager owns, with that manager as the conflict names it.</summary>
public sealed record ApplyConflict(string Manager, FieldPath Path);
