namespace MeshOps.Paths.Live;

/// <summary>
/// One part of what the live gatherer fetched from a sidecar: the value, or the reason it could not be read (the
/// port-forward was refused, the log API answered 403, ...). A check over a part that was not read is Unknown, with
/// this reason.
/// </summary>
internal sealed record EnvoyReading<T>
    where T : class
{
    private EnvoyReading(T? value, string? reason)
    {
        Value = value;
        Reason = reason;
    }

    public T? Value { get; }

    /// <summary>Why <see cref="Value"/> is missing; null when it was read.</summary>
    public string? Reason { get; }

    public static EnvoyReading<T> Read(T value) => new(value ?? throw new ArgumentNullException(nameof(value)), null);

    public static EnvoyReading<T> Failed(string reason) => new(null, string.IsNullOrWhiteSpace(reason) ? "not read" : reason);
}

/// <summary>Short forms of <see cref="EnvoyReading{T}"/>'s factories, with the type inferred.</summary>
internal static class EnvoyReading
{
    public static EnvoyReading<T> Of<T>(T value)
        where T : class => EnvoyReading<T>.Read(value);

    /// <summary>The reason a part is missing: its own, or "not read" when the gatherer never tried.</summary>
    public static string Why<T>(EnvoyReading<T>? reading)
        where T : class => reading?.Reason ?? "not read";
}
