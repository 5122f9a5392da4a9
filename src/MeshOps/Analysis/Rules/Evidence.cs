using MeshOps.Sources;

namespace MeshOps.Analysis.Rules;

/// <summary>A piece of evidence behind a finding: another object and what about it matters.</summary>
public sealed record Evidence(ResourceRef Resource, SourceLocation Location, string Note)
{
    public override string ToString() => $"{Resource} ({Location}): {Note}";
}
