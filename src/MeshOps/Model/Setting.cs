namespace MeshOps.Model;

/// <summary>A setting's value and where it came from, so a finding can say what it assumed and why.</summary>
public sealed record Setting<T>(T Value, string Origin)
{
    public override string ToString() => $"{Format(Value)} ({Origin})";

    private static string? Format(T value) => value is bool flag ? (flag ? "true" : "false") : value?.ToString();
}
