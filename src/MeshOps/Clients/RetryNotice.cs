namespace MeshOps.Clients;

/// <summary>One retry about to happen: which endpoint, after which attempt, how long the wait is and why.</summary>
/// <param name="Endpoint">scheme://host:port/path of the call (<see cref="EndpointAddress.Describe"/>).</param>
/// <param name="FailedAttempt">The attempt that failed, counting from 1.</param>
/// <param name="Delay">The wait before the next attempt.</param>
/// <param name="Reason">"429 TooManyRequests", "connection refused", "timed out", ...</param>
public sealed record RetryNotice(string Endpoint, int FailedAttempt, TimeSpan Delay, string Reason);
