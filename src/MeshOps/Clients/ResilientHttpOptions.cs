namespace MeshOps.Clients;

/// <summary>What <see cref="ResilientHttp"/> needs to know about the server it talks to.</summary>
public sealed record ResilientHttpOptions
{
    /// <summary>The server as errors name it: "Consul", "the Kubernetes API server".</summary>
    public string ServiceName { get; init; } = "the server";

    public ClientTimeouts Timeouts { get; init; } = ClientTimeouts.Default;

    /// <summary>What to do when nothing answers at the address (which setting names it, which port-forward to check).</summary>
    public string ConnectionAdvice { get; init; } = "Check the address and that the server is running.";

    /// <summary>What to do when the server's certificate is not trusted.</summary>
    public string TlsAdvice { get; init; } = "Check that the CA configured for this server signed its certificate.";

    /// <summary>Told of each retry before its wait (for -Verbose); never given a header or a body.</summary>
    public Action<RetryNotice>? OnRetry { get; init; }

    /// <summary>The clock the waits and timeouts run on.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
