using System.Diagnostics.CodeAnalysis;
using MeshOps.Analysis;

namespace MeshOps.Paths.Hops;

/// <summary>
/// The hops already judged while tracing many paths over one model and report, by check and <see cref="HopInputs"/>.
/// A hop is shared only with a path whose findings for it are the same ones: a finding written at a call
/// (<see cref="RuleScope.Call"/>) concerns that call's paths alone. <see cref="PathHop"/> is immutable, so the reports
/// may hold the same instance. Not safe for concurrent use.
/// </summary>
internal sealed class SharedHops
{
    private readonly Dictionary<(PathHopName Hop, HopInputs Inputs), (IReadOnlyList<Finding> Findings, JudgedHop Judged)> _judged = [];

    public bool TryGet(PathHopName hop, HopInputs inputs, IReadOnlyList<Finding> findings, [MaybeNullWhen(false)] out JudgedHop judged)
    {
        if (_judged.TryGetValue((hop, inputs), out var known) && SameFindings(known.Findings, findings))
        {
            judged = known.Judged;
            return true;
        }

        judged = null;
        return false;
    }

    /// <summary>Keeps the first hop judged for these inputs; a path with other findings is judged on its own.</summary>
    public void Add(PathHopName hop, HopInputs inputs, IReadOnlyList<Finding> findings, JudgedHop judged) => _judged.TryAdd((hop, inputs), (findings, judged));

    private static bool SameFindings(IReadOnlyList<Finding> a, IReadOnlyList<Finding> b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        for (var i = 0; i < a.Count; i++)
        {
            if (!ReferenceEquals(a[i], b[i]))
            {
                return false;
            }
        }

        return true;
    }
}
