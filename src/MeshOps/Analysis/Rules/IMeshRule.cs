using MeshOps.Model;
using MeshOps.Rules.Catalog;

namespace MeshOps.Analysis.Rules;

/// <summary>One rule of the catalogue, evaluated over the whole mesh model.</summary>
public interface IMeshRule
{
    RuleDescriptor Descriptor { get; }

    IEnumerable<RuleHit> Check(MeshModel model, RuleContext context);
}
