using MeshOps.Model;

namespace MeshOps.Analysis.Rules;

/// <summary>What a rule's verdict may depend on beyond the model: the resolved mesh settings.</summary>
public sealed record RuleContext(MeshSettings Settings);
