namespace MeshOps.Model;

/// <summary>A setting's value and where it came from, so a finding can say what it assumed and why.</summary>
public sealed record Setting<T>(T Value, string Origin)
{
    /// <summary>
    /// True when neither the inputs nor the caller decided it: a default taken because the configuration that would
    /// decide it (the consul-k8s Helm values) is not among the inputs. Findings that rest on it say so.
    /// </summary>
    public bool Assumed { get; init; }

    public override string ToString() => $"{Format(Value)} ({Origin})";

    private static string? Format(T value) => value is bool flag ? (flag ? "true" : "false") : value?.ToString();
}
