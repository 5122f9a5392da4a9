namespace MeshOps.Simulation.Faults;

/// <summary>What a simulated server does wrong, instead of answering normally.</summary>
public enum FaultKind
{
    /// <summary>Answers, but only after <see cref="Fault.Delay"/>.</summary>
    Latency,

    /// <summary>Answers 500 Internal Server Error.</summary>
    ServerError,

    /// <summary>Answers 429 Too Many Requests with a Retry-After of <see cref="Fault.RetryAfterSeconds"/>.</summary>
    TooManyRequests,

    /// <summary>Closes the connection without an answer.</summary>
    DropConnection,

    /// <summary>Sends the status and headers of the real answer, then half of its body, then closes the connection.</summary>
    TruncatedBody,

    /// <summary>Answers 401 Unauthorized as a server does for an expired token.</summary>
    ExpiredToken,
}

/// <summary>
/// One fault on the requests whose path starts with <see cref="PathPrefix"/> (every request when null), for the next
/// <see cref="Times"/> of them (every one when null), so a test can show both a retry that succeeds and one that gives up.
/// </summary>
public sealed record Fault(FaultKind Kind, string? PathPrefix = null, int? Times = null)
{
    public TimeSpan Delay { get; init; } = TimeSpan.FromSeconds(5);

    public int RetryAfterSeconds { get; init; } = 1;
}
