namespace MeshOps.Clients;

/// <summary>
/// How long a client waits and how often it tries again. One record for both clients, so a cmdlet's -TimeoutSec means
/// the same thing against Kubernetes and Consul.
/// </summary>
public sealed record ClientTimeouts
{
    /// <summary>10 s an attempt, 30 s in all, 3 retries after the first attempt.</summary>
    public static ClientTimeouts Default { get; } = new();

    /// <summary>The longest one request may take before it is abandoned (and retried if attempts are left).</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest a call may take across every attempt and the waits between them.</summary>
    public TimeSpan TotalTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries after the first attempt; 0 tries once.</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>The first wait before a retry; each later wait doubles it, with jitter so clients do not retry in step.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// The longest wait between attempts, whether backoff or a server's Retry-After asks for it. An API server under load can answer Retry-After: 60; waiting
    /// that long inside a 30 s budget would only end in a timeout, so the wait is capped and the budget decides.
    /// </summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Attempts at most: the first one and the retries.</summary>
    public int MaxAttempts => MaxRetries + 1;
}
