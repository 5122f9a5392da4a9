namespace MeshOps.Simulation.Faults;

/// <summary>
/// The faults a simulated server applies now; a test adds and clears them while the server runs. The first fault whose
/// path matches and has uses left is applied, and one use is taken from it.
/// </summary>
public sealed class FaultPlan
{
    private readonly Lock _gate = new();
    private readonly List<(Fault Fault, int? Left)> _faults = [];

    public void Add(Fault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        lock (_gate)
        {
            _faults.Add((fault, fault.Times));
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _faults.Clear();
        }
    }

    /// <summary>The fault to apply to a request for <paramref name="path"/>, or null to answer normally.</summary>
    public Fault? Take(string path)
    {
        lock (_gate)
        {
            for (var i = 0; i < _faults.Count; i++)
            {
                var (fault, left) = _faults[i];
                if (fault.PathPrefix is not null && !path.StartsWith(fault.PathPrefix, StringComparison.Ordinal))
                    continue;
                if (left is not null)
                {
                    if (left == 0)
                        continue;
                    _faults[i] = (fault, left - 1);
                }

                return fault;
            }

            return null;
        }
    }
}
